import type { Store } from '../../store/client';
import { type RetentionBasis, retentionBase } from '../../store/retention';
import { rewriteStudentExpiry } from '../../store/retention-rewrite';

/**
 * When a student's retention base becomes known or changes (left, or a new end of
 * enrolment), every item about them gets the new `expiresAt`. Called BEFORE the student
 * item records the change, so a failure halfway is redone by the sender's retry. True when it
 * rewrote.
 */
export async function rewriteRetentionIfChanged(
  store: Store,
  studentId: string,
  before: RetentionBasis | undefined,
  after: RetentionBasis,
  expiresAt: number,
): Promise<boolean> {
  const base = retentionBase(after);
  if (!base || base === retentionBase(before)) return false;
  await rewriteStudentExpiry(store, studentId, expiresAt);
  return true;
}
