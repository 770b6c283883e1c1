/** Luxe verzuim: the officer's DUO report as a pure function. */
import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../../../functions/domain/errors';
import { luxuryReport } from '../../../functions/domain/luxury';

const input = {
  taskId: 'luxury-1',
  about: { studentId: 's-1', studentName: 'Sam', teamId: 't-1' },
  recipient: 'LPA' as const,
  from: '2026-10-16',
  to: '2026-10-16',
  days: 1,
  minutes: 480,
  allLessonsMissed: true,
  note: ' Eerder op vakantie ',
  by: { staffId: 'vb-1', name: 'Olaf Officer', email: 'olaf@school.example' },
  today: '2026-10-27',
};

describe('a luxury-absence report', () => {
  it('is a DUO task with a draft of type luxury, made by the attendance officer', () => {
    expect(luxuryReport(input)).toMatchObject({
      kind: 'duo_report',
      explanation: 'Eerder op vakantie',
      period: { from: '2026-10-16', to: '2026-10-16' },
      duo: {
        type: 'luxury',
        addressee: 'lpa',
        absentDays: 1,
        absentHours: 8,
        absentMinutes: 480,
        reporter: { role: 'attendance_officer', name: 'Olaf Officer' },
      },
    });
  });

  it('goes to the RMC for a student of that age, and to nobody when no report applies', () => {
    expect(luxuryReport({ ...input, recipient: 'RMC' }).duo?.addressee).toBe('rmc');
    expect(() => luxuryReport({ ...input, recipient: null })).toThrow(InvalidTransition);
    expect(() => luxuryReport({ ...input, from: '2026-10-17' })).toThrow(/ends before/);
  });
});
