/**
 * Loads the demo school into a running local system the way the presence system would: signed
 * webhook deliveries of at most 500 events, the roster first. Then the nightly job runs for
 * each school day of the period, so that reports, signals and KPIs exist as after weeks of use.
 * Progress is kept in a marker file in the data dir, so an interrupted first start resumes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '../../shared/calendar/school-time';
import { demoBatches, generateDemoSchool } from './demo-school';
import { postSigned } from './sign';

export type Progress = (phase: 'webhook' | 'nightly', done: number, total: number) => void;

export interface DemoDelivery {
  from: string;
  to: string;
  schoolDays: string[];
  events: number;
  deliveries: number;
  /** How long the webhook phase took. */
  ms: number;
}

/** What the marker file holds: the delivery, and how many nightly runs are done. */
export interface DemoState extends DemoDelivery {
  nightlyRuns: number;
  /** The staff's acts after the nights (`demo-acts.ts`) are done. */
  acted?: boolean;
}

export interface DeliverOptions {
  webhookUrl: string;
  secret: string;
  today?: string;
  progress?: Progress;
  /** Deliveries in flight at once once the roster is in. */
  concurrency?: number;
  /** A smaller school, for tests. */
  students?: number;
}

export async function deliverDemoSchool(options: DeliverOptions): Promise<DemoDelivery> {
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
  return {
    from: school.from,
    to: school.to,
    schoolDays: school.schoolDays,
    events: total,
    deliveries: batches.length,
    ms: performance.now() - started,
  };
}

const MARKER = 'demo-loaded.json';

export async function readDemoState(dataDir: string): Promise<DemoState | undefined> {
  try {
    return JSON.parse(await readFile(join(dataDir, MARKER), 'utf8')) as DemoState;
  } catch {
    return undefined;
  }
}

export async function writeDemoState(dataDir: string, state: DemoState): Promise<void> {
  await writeFile(join(dataDir, MARKER), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The nightly job as of each school day not yet done, oldest first; `onRun` after each one.
 * Stops at the first failure (logged): the system still runs, and the next start resumes.
 */
export async function runDemoNights(
  state: DemoState,
  nightly: (date: string) => Promise<void>,
  options: {
    progress?: Progress;
    log?: (line: string) => void;
    onRun?: (state: DemoState) => Promise<void>;
    /** The staff's work of that day (`demo-coaches.ts`), before the next night; `night` indexes `schoolDays`. */
    afterNight?: (night: number) => Promise<void>;
  },
): Promise<DemoState> {
  let current = state;
  for (const date of state.schoolDays.slice(state.nightlyRuns)) {
    try {
      await nightly(date);
      // Counted as run only after the day's work, so a resumed start redoes both (each is idempotent).
      await options.afterNight?.(current.nightlyRuns);
    } catch (error) {
      options.log?.(
        `The nightly run for ${date} failed; the next start continues from there.\n${String(error)}`,
      );
      break;
    }
    current = { ...current, nightlyRuns: current.nightlyRuns + 1 };
    await options.onRun?.(current);
    options.progress?.('nightly', current.nightlyRuns, state.schoolDays.length);
  }
  return current;
}
