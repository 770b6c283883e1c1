import type { NightRef } from './plan-night';
import type { NightlyDeps } from './ports';

/** What one shard of a run did (stored on its item; summed by the finish step). */
export interface ShardOutcome {
  asOf: string;
  run: number;
  shard: number;
  evaluated: number;
  signals: number;
  withdrawn: number;
  failedStudents: number;
  /** The shard was done before (a retry or a duplicate execution): its stored outcome. */
  alreadyDone: boolean;
}

export function runShard(deps: NightlyDeps, ref: NightRef, shard: number): Promise<ShardOutcome> {
  void deps;
  return Promise.resolve({
    ...ref,
    shard,
    evaluated: 0,
    signals: 0,
    withdrawn: 0,
    failedStudents: 0,
    alreadyDone: false,
  });
}
