/** Named outcomes of conditional writes, so use cases never inspect SDK error names. */

/** A stored item already holds a newer version (higher revision or later `occurredAt`). */
export class StaleWriteError extends Error {
  override name = 'StaleWriteError';
  constructor(what: string) {
    super(`A newer version of ${what} is already stored`);
  }
}

export function isConditionFailed(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

/** Awaits a conditional write: true when it was written, false when its condition did not hold. */
export async function conditionHeld(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}
