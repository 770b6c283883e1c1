import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDemoSchool } from '../../../scripts/local/demo-load';
import { postSigned, signatureHeaders } from '../../../scripts/local/sign';
import { type LocalSystem, startLocalSystem } from '../../../scripts/local/system';

/** Copies of the contract's published examples, so the test runs on any clone. */
const example = (name: string) =>
  readFile(new URL(`../../fixtures/contract/${name}`, import.meta.url), 'utf8');

const run = promisify(execFile);

type Answer = { received: number; results: { id: string; outcome: string }[] };

describe('the local system (demo off)', () => {
  let dataDir: string;
  let system: LocalSystem;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'presentie-system-'));
    system = await startLocalSystem({ dataDir, demo: false, port: 0, mailboxPort: 0 });
  });

  afterAll(async () => {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("serves the dashboard's runtime config as the site stack does in AWS: same-origin API, local sign-in", async () => {
    const res = await fetch(new URL('/config.json', system.baseUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ apiUrl: '/', authMode: 'local' });
  });

  it('accepts the contract examples, signed, over real HTTP and answers each outcome', async () => {
    const roster = await postSigned(system.webhookUrl, system.secret, await example('roster.json'));
    expect(roster.status).toBe(200);
    const rosterAnswer = JSON.parse(roster.body) as Answer;
    expect(rosterAnswer.received).toBe(7);
    expect(rosterAnswer.results.map((r) => r.outcome)).toEqual(Array(7).fill('applied'));

    const registrations = await postSigned(
      system.webhookUrl,
      system.secret,
      await example('registrations.json'),
    );
    expect(registrations.status).toBe(200);
    const answer = JSON.parse(registrations.body) as Answer;
    expect(answer.results.map((r) => r.id)).toEqual(['evt-r-1', 'evt-r-2', 'evt-r-3', 'evt-n-1']);
    const outcome = Object.fromEntries(answer.results.map((r) => [r.id, r.outcome]));
    expect(outcome).toMatchObject({ 'evt-r-2': 'applied', 'evt-r-3': 'applied', 'evt-n-1': 'applied' });
    // Revision 0 of a registration whose revision 1 is in the same delivery: applied first, or
    // recognised as superseded straight away.
    expect(['applied', 'stale']).toContain(outcome['evt-r-1']);

    // The same events again, in a new delivery: nothing changes.
    const again = await postSigned(system.webhookUrl, system.secret, await example('registrations.json'));
    expect((JSON.parse(again.body) as Answer).results.map((r) => r.outcome)).toEqual(
      Array(4).fill('duplicate'),
    );
  });

  it('lets `npm run send` post a contract example with the same settings as npm start', async () => {
    const script = fileURLToPath(new URL('../../../scripts/send.ts', import.meta.url));
    const fixture = fileURLToPath(new URL('../../fixtures/contract/roster.json', import.meta.url));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, fixture], {
      env: { ...process.env, PORT: new URL(system.baseUrl).port, PRESENCE_WEBHOOK_SECRET: system.secret },
    });
    expect(stdout).toContain('roster.json: 200');
    expect(stdout).toContain('"received": 7');
  });

  it('refuses a delivery that is not signed with the secret', async () => {
    const body = await example('roster.json');
    const forged = await fetch(system.webhookUrl, {
      method: 'POST',
      headers: signatureHeaders('whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldCEh', body),
      body,
    });
    expect(forged.status).toBe(401);
  });

  it('accepts every event of a (small) demo school', async () => {
    const result = await deliverDemoSchool({
      webhookUrl: system.webhookUrl,
      secret: system.secret,
      today: '2026-11-28',
      students: 12,
    });
    expect(result.events).toBeGreaterThan(12 * 4 * 40 * 0.9);
    expect(result.from).toBe('2026-09-28');
    // A shared, busy machine can be slow; this is no speed test (that is `npm run bench`).
  }, 600_000);

  it('keeps its data across a restart on the same data dir', async () => {
    await system.stop();
    system = await startLocalSystem({ dataDir, demo: false });
    const again = await postSigned(system.webhookUrl, system.secret, await example('roster.json'));
    expect((JSON.parse(again.body) as Answer).results.map((r) => r.outcome)).toEqual(
      Array(7).fill('duplicate'),
    );
  });
});
