/**
 * `npm run archive [-- --date YYYY-MM-DD]`: the monthly archive run (issue #12) against the RUNNING
 * local system (`npm start`), through the planner and worker handlers that run in AWS, driven
 * in-process (scripts/local/archive-driver.ts). Closed school years' lessons move to files under
 * `${DATA_DIR}/archive`, where the local API reads them back; their week totals stay in the table.
 * `--date` runs it as of that day (a local school year is often simulated ahead of today).
 * Running it again is safe: what was moved is not moved twice.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// As the local system's handlers: metrics are CloudWatch's business, not this command's output.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

import { parseArgs } from 'node:util';
import { localSettings } from './local/defaults';
import { useRunningSystem } from './local/running';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run archive [-- --date YYYY-MM-DD]`);
  process.exit(2);
}

const { values } = parseArgs({ options: { date: { type: 'string' } }, allowPositionals: false });
const date = values.date;
if (
  date !== undefined &&
  (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`)))
) {
  usage(`--date must be a date YYYY-MM-DD, got "${date}"`);
}

await useRunningSystem();
// Imported after the environment is set: the handlers' clients read it once, as in a Lambda.
const { driveArchive } = await import('./local/archive-driver');
const { documentClient } = await import('../functions/store/client');
const at = date ? new Date(`${date}T12:00:00Z`) : undefined;
try {
  const result = await driveArchive({
    store: { doc: documentClient(), tableName: process.env.TABLE_NAME as string },
    dataDir: localSettings().dataDir,
    now: () => at ?? new Date(),
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(result, null, 2));
  if (result.deadLettered.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`The archive run failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
