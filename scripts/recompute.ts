/**
 * `npm run recompute -- --date YYYY-MM-DD`: runs the nightly job as of that date against the
 * RUNNING local system (`npm start`), through the same handlers that run in AWS (plan, shards,
 * finish, mail sender), driven in-process as the state machine and the mail queue drive them there;
 * the mails are in the mailbox when it returns. Where the stores
 * listen comes from `${DATA_DIR}/endpoints.json`, which the local system writes while it runs;
 * AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SESV2 override it. Re-running a date is safe: it
 * sends only what was not sent before.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { parseArgs } from 'node:util';
import { useRunningSystem } from './local/running';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run recompute -- --date YYYY-MM-DD`);
  process.exit(2);
}

const { values } = parseArgs({ options: { date: { type: 'string' } }, allowPositionals: false });
const date = values.date ?? usage('--date is required');
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
  usage(`--date must be a date YYYY-MM-DD, got "${date}"`);
}

await useRunningSystem();
// Imported after the environment is set: the handlers read it once, at load, as a Lambda does.
const { driveNight, NIGHT_HANDLERS } = await import('./local/night-driver');
const { lambdaContext } = await import('./local/lambda-context');
type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
for (const name of NIGHT_HANDLERS) {
  handlers.set(name, ((await import(`../functions/handlers/${name}.ts`)) as { handler: Handler }).handler);
}
try {
  const result = await driveNight(
    (name, event) => (handlers.get(name) as Handler)(event, lambdaContext(name)),
    { date },
    {
      log: (line) => console.error(line),
    },
  );
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(
    `The nightly run for ${date} failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
