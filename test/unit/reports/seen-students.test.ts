import { describe, expect, it } from 'vitest';
import { SEEN_CAP, seenStudents } from '../../../functions/domain/audit';

describe('what a read showed (seenStudents)', () => {
  it('keeps each student once, in the order shown, with the unit and period asked for', () => {
    expect(seenStudents({ unitId: 'team-a', from: '2026-10-01', to: null }, ['s2', 's1', 's2'])).toEqual({
      unitId: 'team-a',
      from: '2026-10-01',
      studentIds: ['s2', 's1'],
      studentCount: 2,
    });
  });

  it('caps the ids it keeps and still counts them all', () => {
    const ids = Array.from({ length: SEEN_CAP + 100 }, (_, i) => `s${i}`);
    const seen = seenStudents({}, ids);
    expect(seen.studentIds).toEqual(ids.slice(0, SEEN_CAP));
    expect(seen.studentCount).toBe(SEEN_CAP + 100);
  });
});
