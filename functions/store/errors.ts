/** Named outcomes of conditional writes, so use cases never inspect SDK error names. */
import { ConcurrentModification } from '../domain/errors';

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

/**
 * Awaits a conditional write that must not be lost: a failed condition (changed since read, or
 * a newer version stored) becomes the domain's `ConcurrentModification` about `id`.
 */
export async function conditionMustHold(write: Promise<unknown>, id: string): Promise<void> {
  if (!(await conditionHeld(write))) throw new ConcurrentModification(id);
}
