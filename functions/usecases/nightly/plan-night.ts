import type { NightlyDeps } from './ports';

/** One run of the nightly job for a date: run 1, 2, ... (a new plan after a finished one). */
export interface NightRef {
  asOf: string;
  run: number;
}

/** A planned run: its shards (numbers), the students it evaluates, and whether it resumes an unfinished plan. */
export interface NightPlan extends NightRef {
  shards: number[];
  candidates: number;
  resumed: boolean;
}

export function planNight(
  deps: NightlyDeps,
  asOf: string,
  options: { shardSize?: number } = {},
): Promise<NightPlan> {
  deps.calendar.assertCovers(asOf);
  void options;
  return Promise.resolve({ asOf, run: 1, shards: [], candidates: 0, resumed: false });
}
