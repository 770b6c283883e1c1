import { z } from 'zod';

/**
 * Parses `process.env` with a zod schema once per schema and fails fast with every problem
 * listed, so that a misconfigured Lambda dies at cold start rather than on the first request.
 */
const cache = new WeakMap<z.ZodType, unknown>();

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  if (env === process.env && cache.has(schema)) return cache.get(schema) as z.infer<S>;
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  if (env === process.env) cache.set(schema, result.data);
  return result.data;
}

/** Variables every function needs. Extend with `commonEnv.extend({ ... })`. */
export const commonEnv = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME is required (the DynamoDB table)'),
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
});
export type CommonEnv = z.infer<typeof commonEnv>;
