import type { z } from 'zod';
import { HttpProblem } from './errors';

/** A body that does not fit the route's schema: 400, code `invalid_body` (a Dutch text in the dashboard). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpProblem(400, {
      error: 'invalid body',
      code: 'invalid_body',
      issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return result.data;
}
