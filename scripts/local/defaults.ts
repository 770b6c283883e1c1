/**
 * The local system's settings, shared by `npm start`, `npm run send` and the bench so that
 * they agree without flags. Every one can be overridden by the environment variable named.
 */

/** The local webhook secret when `PRESENCE_WEBHOOK_SECRET` is unset. Public: local use only. */
export const DEFAULT_WEBHOOK_SECRET = 'whsec_cHJlc2VudGllLWxvY2FsLXdlYmhvb2stc2VjcmV0ISE=';

export interface LocalSettings {
  /** `PORT`: dashboard, API and webhook. */
  port: number;
  /** `MAILBOX_PORT`: aws-ses-v2-local and its web mailbox. */
  mailboxPort: number;
  /** `DATA_DIR`: dynalite's files and the marker of the loaded demo. */
  dataDir: string;
  /** `PRESENCE_WEBHOOK_SECRET`: one or more `whsec_` secrets, space separated; the first signs. */
  secret: string;
  /** `DEMO=off` starts with an empty school. */
  demo: boolean;
  /** `DEMO_STUDENTS`: a smaller (or larger) demo school; default 600. */
  demoStudents?: number;
}

function portFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return port;
}

function studentsFrom(value: string): number {
  const students = Number(value);
  if (!Number.isInteger(students) || students < 12 || students > 100_000) {
    throw new Error(`DEMO_STUDENTS must be a whole number from 12, got "${value}"`);
  }
  return students;
}

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const secret = env.PRESENCE_WEBHOOK_SECRET?.trim() || DEFAULT_WEBHOOK_SECRET;
  for (const one of secret.split(/\s+/)) {
    if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(one)) {
      throw new Error('PRESENCE_WEBHOOK_SECRET must be whsec_ followed by base64 (several: space separated)');
    }
  }
  return {
    port: portFrom(env.PORT, 3000, 'PORT'),
    mailboxPort: portFrom(env.MAILBOX_PORT, 8005, 'MAILBOX_PORT'),
    dataDir: env.DATA_DIR?.trim() || '.data',
    secret,
    demo: !['off', 'false', '0', 'no'].includes((env.DEMO ?? '').trim().toLowerCase()),
    ...(env.DEMO_STUDENTS?.trim() ? { demoStudents: studentsFrom(env.DEMO_STUDENTS) } : {}),
  };
}
