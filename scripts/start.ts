/**
 * `npm start`: the whole system locally (see README, "Running locally"). On the first start it
 * loads a demo school through the webhook and runs the nightly job over its weeks.
 *
 * Environment: PORT (3000), MAILBOX_PORT (8005), DATA_DIR (.data), PRESENCE_WEBHOOK_SECRET
 * (a documented local default), DEMO=off to start with an empty school, DEMO_STUDENTS (600)
 * to size the demo, LOG_LEVEL for the handlers' logs (WARN).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import buildDashboardIfStale from '../test/browser/global-setup';
import { localSettings } from './local/defaults';
import { OldStoreLayoutError } from './local/store-layout';
import { type LocalSystem, loadedDemo, startLocalSystem } from './local/system';

/**
 * The dashboard is not in git: build web/dist when it is missing or older than its sources
 * (the same check the browser tests use), as CloudFront would serve the latest build.
 */
function ensureDashboardBuilt(): void {
  try {
    buildDashboardIfStale();
  } catch (error) {
    console.error(`The dashboard build failed (${String(error)}); API and webhook start anyway.`);
  }
}

function progressBar(): (phase: 'webhook' | 'nightly', done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastPercent = -1;
  const started = performance.now();
  return (phase, done, total) => {
    const label = phase === 'webhook' ? 'Demo school via webhook' : 'Nightly runs';
    const percent = Math.floor((done / total) * 100);
    if (phase !== lastPhase && lastPhase !== '' && tty) process.stderr.write('\n');
    if (phase === lastPhase && percent === lastPercent) return;
    lastPhase = phase;
    lastPercent = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const line = `${label.padEnd(24)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} (${seconds}s)`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (percent % 10 === 0 || done === total) process.stderr.write(`${line}\n`);
    if (tty && done === total) process.stderr.write('\n');
  };
}

function banner(system: LocalSystem, dataDir: string): string {
  return [
    '',
    'Presentie runs locally:',
    `  Dashboard   ${system.baseUrl}/`,
    `  Webhook     POST ${system.webhookUrl}`,
    `  API         ${system.apiUrl}/  (OpenAPI: ${system.apiUrl}/openapi.json)`,
    `  Mailbox     ${system.mailboxUrl}  (GET /store lists sent mails)`,
    `  Secret      ${system.secret}`,
    `  Data        ${dataDir}`,
    '',
    'Send events: npm run send -- FILE.json   Stop: Ctrl+C',
    '',
  ].join('\n');
}

const settings = localSettings();
ensureDashboardBuilt();
const system = await startLocalSystem({
  port: settings.port,
  mailboxPort: settings.mailboxPort,
  dataDir: settings.dataDir,
  demo: settings.demo,
  ...(settings.demoStudents ? { demoStudents: settings.demoStudents } : {}),
  secret: settings.secret,
  log: (line) => console.error(line),
  progress: progressBar(),
  onReady: (running) => console.log(banner(running, settings.dataDir)),
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `A port is in use (${error.message}). Another \`npm start\`? Choose others with PORT=... MAILBOX_PORT=...`,
    );
    process.exit(1);
  }
  if (error instanceof OldStoreLayoutError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});

const loaded = system.demo ?? (await loadedDemo(settings.dataDir));
const demo = !loaded
  ? 'no demo school'
  : `demo school: ${loaded.events} events, ${loaded.from} to ${loaded.to}, ${loaded.nightlyRuns} of ${loaded.schoolDays.length} nights run; delete the folder to start over`;
console.log(`\nReady. ${demo}.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.error('\nStopping...');
  await system.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
