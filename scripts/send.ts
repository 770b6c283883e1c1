/**
 * `npm run send -- FILE.json [FILE2.json ...]`: signs each file's body as the presence system
 * does and posts it to the running local system's webhook; prints status and answer.
 * Same environment as `npm start`: PORT, PRESENCE_WEBHOOK_SECRET; or WEBHOOK_URL for another target.
 */
import { readFile } from 'node:fs/promises';
import { localSettings } from './local/defaults';
import { postSigned } from './local/sign';

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0) {
  console.error('Usage: npm run send -- FILE.json [FILE2.json ...]');
  process.exit(2);
}
const settings = localSettings();
const url = process.env.WEBHOOK_URL ?? `http://localhost:${settings.port}/webhooks/presence`;

let failed = false;
for (const file of files) {
  const body = await readFile(file, 'utf8');
  try {
    const answer = await postSigned(url, settings.secret, body);
    let shown = answer.body;
    try {
      shown = JSON.stringify(JSON.parse(answer.body), null, 2);
    } catch {
      // not JSON: print as is
    }
    console.log(`${file}: ${answer.status} (${answer.ms.toFixed(0)} ms)\n${shown}`);
    if (answer.status !== 200) failed = true;
  } catch (error) {
    console.error(`${file}: could not reach ${url} (is \`npm start\` running?): ${String(error)}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
