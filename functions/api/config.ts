import { join } from 'node:path';
import { z } from 'zod';
import { commonEnv } from '../config';

export const apiEnv = commonEnv
  .extend({
    AUTH_MODE: z.enum(['cognito', 'local']),
    COGNITO_USER_POOL_ID: z.string().optional(),
    /** The dashboard's app client ids, space separated (the pool's own accounts; Entra ID). */
    COGNITO_CLIENT_ID: z.string().optional(),
    /** Local only: the signing key as a private JWK (JSON); otherwise a key file is used. */
    LOCAL_AUTH_PRIVATE_JWK: z.string().optional(),
    /** Local only: where the generated key is kept; defaults to `<DATA_DIR>/local-auth-key.json`. */
    LOCAL_AUTH_KEY_FILE: z.string().optional(),
    DATA_DIR: z.string().default('.data'),
    /** Task mails link into the dashboard here. */
    DASHBOARD_URL: z.url('DASHBOARD_URL must be the dashboard base URL'),
    /** Domain events go to this EventBridge bus; without it, to the in-process bus. */
    EVENT_BUS_NAME: z.string().optional(),
    /** The lesson archive bucket (AWS); without it the archive is the folder `<DATA_DIR>/archive`. */
    ARCHIVE_BUCKET: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'cognito' && (!env.COGNITO_USER_POOL_ID || !env.COGNITO_CLIENT_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['COGNITO_USER_POOL_ID'],
        message: 'AUTH_MODE=cognito needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID',
      });
    }
  });
export type ApiEnv = z.infer<typeof apiEnv>;

/** RETENTION_YEARS when nothing is configured: the default of `commonEnv`, not a second copy of it. */
export const DEFAULT_RETENTION_YEARS: number = commonEnv.shape.RETENTION_YEARS.parse(undefined);

export function localKeyFile(env: ApiEnv): string {
  return env.LOCAL_AUTH_KEY_FILE ?? join(env.DATA_DIR, 'local-auth-key.json');
}
