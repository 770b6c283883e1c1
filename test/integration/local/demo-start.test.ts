import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocalSystem } from '../../../scripts/local/system';

describe('the local system on its first start with the demo', () => {
  let dataDir: string;
  let system: LocalSystem;
  const phases = new Set<string>();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'presentie-demo-'));
    system = await startLocalSystem({
      dataDir,
      demo: true,
      demoStudents: 12,
      today: '2026-11-28',
      progress: (phase) => phases.add(phase),
    });
    // 40 nights on a busy shared machine: generous, since this is no speed test.
  }, 900_000);

  afterAll(async () => {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads the demo school through the webhook, then runs the nightly job for each of its school days', () => {
    expect(system.demo).toMatchObject({ from: '2026-09-28', to: '2026-11-27', nightlyRuns: 40 });
    expect(phases).toEqual(new Set(['webhook', 'nightly']));
    expect(existsSync(join(dataDir, 'demo-loaded.json'))).toBe(true);
  });

  it('sends the mails of those nights to the local mailbox', async () => {
    const store = (await (await fetch(`${system.mailboxUrl}store`)).json()) as {
      emails: { destination: { to: string[] } }[];
    };
    expect(store.emails.length).toBeGreaterThan(0);
    expect(store.emails.every((m) => m.destination.to.every((to) => to.endsWith('school.example')))).toBe(
      true,
    );
  });

  it('does not load the demo again on the next start', async () => {
    await system.stop();
    system = await startLocalSystem({ dataDir, demo: true, demoStudents: 12, today: '2026-11-28' });
    expect(system.demo).toBeUndefined();
  }, 120_000);
});
