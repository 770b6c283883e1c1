/**
 * Loads the demo school into a running local system the way the presence system would: signed
 * webhook deliveries of at most 500 events, the roster first. Then runs the nightly job for each
 * school day of the period, so that reports, signals and KPIs exist as after weeks of operation.
 */
import { demoBatches, generateDemoSchool } from './demo-school';
import { localDate } from './scheduler';
import { postSigned } from './sign';

export type Progress = (phase: 'webhook' | 'nightly', done: number, total: number) => void;

export interface DemoLoadOptions {
  webhookUrl: string;
  secret: string;
  /** Runs the nightly job as of a date; absent when the nightly handler is not there. */
  nightly?: ((date: string) => Promise<void>) | undefined;
  today?: string;
  progress?: Progress;
  log?: (line: string) => void;
  /** Deliveries in flight at once once the roster is in. */
  concurrency?: number;
  /** A smaller school, for tests. */
  students?: number;
}

export interface DemoLoadResult {
  from: string;
  to: string;
  events: number;
  deliveries: number;
  nightlyRuns: number;
  ms: number;
}

export async function loadDemoSchool(options: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = performance.now();
  const today = options.today ?? localDate(new Date());
  const school = generateDemoSchool({ today, ...(options.students ? { students: options.students } : {}) });
  const batches = demoBatches(school);
  const rosterBatches = Math.ceil(school.roster.length / 500);
  const total = school.roster.length + school.activity.length;
  let sent = 0;

  const deliver = async (events: unknown[]) => {
    const body = JSON.stringify({ events });
    // The contract's sender retries on 5xx; so do we, a few times.
    for (let attempt = 1; ; attempt++) {
      const answer = await postSigned(options.webhookUrl, options.secret, body);
      if (answer.status === 200) break;
      if (answer.status < 500 || attempt === 3) {
        throw new Error(`the webhook answered ${answer.status}: ${answer.body.slice(0, 500)}`);
      }
    }
    sent += events.length;
    options.progress?.('webhook', sent, total);
  };

  // The roster in order, so that registrations find their students.
  for (const batch of batches.slice(0, rosterBatches)) await deliver(batch);
  const rest = batches.slice(rosterBatches);
  let next = 0;
  const lanes = Array.from({ length: options.concurrency ?? 2 }, async () => {
    while (next < rest.length) {
      const batch = rest[next++];
      if (batch) await deliver(batch);
    }
  });
  await Promise.all(lanes);

  let nightlyRuns = 0;
  if (options.nightly) {
    for (const date of school.schoolDays) {
      await options.nightly(date);
      nightlyRuns++;
      options.progress?.('nightly', nightlyRuns, school.schoolDays.length);
    }
  } else {
    options.log?.('No nightly handler yet (functions/handlers/nightly.ts): reports and KPIs stay empty.');
  }
  return {
    from: school.from,
    to: school.to,
    events: total,
    deliveries: batches.length,
    nightlyRuns,
    ms: performance.now() - started,
  };
}
