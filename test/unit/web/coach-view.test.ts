import { beforeAll, describe, expect, it } from 'vitest';
import type { CoachStudentRow } from '../../../shared/api/coach';
import type * as Module from '../../../web/src/lib/views/coach.svelte';
import { loadRunes } from './runes';

let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/coach.svelte.ts');
});

describe("a student's group of open reports", () => {
  it('says "5 open, 4 te laat, 4-wekensignaal, uitgeschreven" in that order', () => {
    expect(mod.groupFacts({ open: 5, overdue: 4, fourWeekSignal: true, leftOn: '2026-11-25' })).toEqual([
      { key: 'group.open', n: 5 },
      { key: 'group.overdue', n: 4 },
      { key: 'group.fourWeek' },
      { key: 'group.left', date: '2026-11-25' },
    ]);
  });

  it('leaves out what does not apply', () => {
    expect(mod.groupFacts({ open: 1, overdue: 0, fourWeekSignal: false, leftOn: null })).toEqual([
      { key: 'group.open', n: 1 },
    ]);
  });
});

describe('choosing reports for one action', () => {
  it('keeps a choice within one student', () => {
    const s = new mod.Selection();
    s.toggle('s-a', 'r1');
    s.toggle('s-a', 'r2');
    expect([s.studentId, s.ids, s.count]).toEqual(['s-a', ['r1', 'r2'], 2]);
    s.toggle('s-b', 'r9');
    expect([s.studentId, s.ids]).toEqual(['s-b', ['r9']]);
    s.toggle('s-b', 'r9');
    expect([s.studentId, s.count]).toEqual([null, 0]);
  });

  it("chooses all of a student's reports, and none on a second click", () => {
    const s = new mod.Selection();
    s.toggle('s-a', 'r1');
    s.toggleAll('s-a', ['r1', 'r2', 'r3']);
    expect(s.allOf('s-a', ['r1', 'r2', 'r3'])).toBe(true);
    s.toggleAll('s-a', ['r1', 'r2', 'r3']);
    expect(s.count).toBe(0);
  });
});

describe('Mijn studenten', () => {
  const row = (name: string, minutes: number, marks: CoachStudentRow['marks'] = []): CoachStudentRow => ({
    student: { studentId: name, displayName: name, teamId: 't', coachId: 'c' },
    teamName: 'T',
    routeX: false,
    from: '2026-11-01',
    to: '2026-11-27',
    unauthorizedMinutes: minutes,
    signal8Sent: false,
    signalMinutes: 480,
    reportMinutes: 960,
    marks,
    lastSignal: null,
  });

  it('sorts by hours, most first, or by name', () => {
    const rows = [row('Bo', 60), row('Ay', 900, ['near16']), row('Cy', 400, ['near8'])];
    expect(mod.sortStudents(rows, 'hours').map((r) => r.student.displayName)).toEqual(['Ay', 'Cy', 'Bo']);
    expect(mod.sortStudents(rows, 'name').map((r) => r.student.displayName)).toEqual(['Ay', 'Bo', 'Cy']);
  });

  it("names a mark by the student's own norm in hours", () => {
    expect(mod.markHours(row('A', 0), 'near8')).toBe(8);
    expect(mod.markHours(row('A', 0), 'near16')).toBe(16);
    expect(mod.markHours({ signalMinutes: 240, reportMinutes: 480 }, 'near16')).toBe(8);
  });
});
