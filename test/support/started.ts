import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * One object for a resource the tests start and stop (a harness, a table): `start` runs in the
 * `before` hook and its result's fields are copied onto the object, `stop` runs in the `after`
 * hook. Declared once at the top of a file instead of a `let` and two hooks in each.
 */
function started<T extends Stoppable>(
  start: () => Promise<T>,
  before: typeof beforeAll,
  after: typeof afterAll,
): T {
  const current = {} as T;
  before(async () => {
    Object.assign(current, await start());
  });
  after(async () => {
    const { stop } = current as Partial<T>;
    for (const key of Object.keys(current)) delete (current as Record<string, unknown>)[key];
    await stop?.();
  });
  return current;
}

/** A fresh resource for each test of the file. */
export const startedForEachTest = <T extends Stoppable>(start: () => Promise<T>): T =>
  started(start, beforeEach, afterEach);

/** One resource for all tests of the file. */
export const startedForFile = <T extends Stoppable>(start: () => Promise<T>): T =>
  started(start, beforeAll, afterAll);
