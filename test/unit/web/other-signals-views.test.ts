import { beforeAll, describe, expect, it } from 'vitest';
import type { LuxuryHint } from '../../../shared/api/luxury';
import type { OutflowCaseView } from '../../../shared/api/outflow';
import type * as Luxury from '../../../web/src/lib/views/luxury.svelte';
import type * as Outflow from '../../../web/src/lib/views/outflow.svelte';
import { loadRunes } from './runes';

let outflow: typeof Outflow;
let luxury: typeof Luxury;
beforeAll(async () => {
  outflow = await loadRunes<typeof Outflow>('lib/views/outflow.svelte.ts');
  luxury = await loadRunes<typeof Luxury>('lib/views/luxury.svelte.ts');
});

const student = (studentId: string, displayName = studentId) => ({
  studentId,
  displayName,
  teamId: 't',
  coachId: 'c',
});
const step = (s: OutflowCaseView['steps'][number]['step'], done = false) => ({
  step: s,
  done,
  by: done ? 'Anna Coach' : null,
  at: done ? '2026-10-02T09:00:00Z' : null,
  note: null,
});
const entreeCase = (over: Partial<OutflowCaseView> = {}): OutflowCaseView => ({
  caseId: 'c1',
  student: student('s1'),
  leftOn: '2026-10-01',
  createdOn: '2026-10-01',
  dueDate: '2026-10-15',
  status: 'open',
  involveCounsellor: true,
  earlySchoolLeaver: true,
  steps: [step('sts_involved'), step('counsellor_involved'), step('rmc_reported'), step('closed')],
  rmcTaskId: null,
  ...over,
});

describe("the coach's outflow case", () => {
  it('lets the coach close only once STS-B and the counsellor are involved; the RMC report does not hold it up', () => {
    const enabled = (c: OutflowCaseView) =>
      outflow
        .stepStates(c)
        .filter((s) => s.enabled)
        .map((s) => s.step);
    expect(enabled(entreeCase())).toEqual(['sts_involved', 'counsellor_involved', 'rmc_reported']);
    const involved = entreeCase({
      steps: [
        step('sts_involved', true),
        step('counsellor_involved', true),
        step('rmc_reported'),
        step('closed'),
      ],
    });
    expect(enabled(involved)).toEqual(['rmc_reported', 'closed']);
    expect(enabled(entreeCase({ status: 'done' }))).toEqual([]);
  });

  it('sends the note typed for a case with its step, and clears it once saved', () => {
    const cases = new outflow.OutflowCases([entreeCase(), entreeCase({ caseId: 'c2', status: 'done' })]);
    expect(cases.open.map((c) => c.caseId)).toEqual(['c1']);
    expect(cases.closed.map((c) => c.caseId)).toEqual(['c2']);
    expect(cases.body('c1', 'rmc_reported')).toEqual({ step: 'rmc_reported' });
    cases.notes = { c1: '  Geen nieuwe opleiding ' };
    expect(cases.body('c1', 'rmc_reported')).toEqual({ step: 'rmc_reported', note: 'Geen nieuwe opleiding' });
    cases.saved('c1', [entreeCase({ status: 'done' })]);
    expect(cases.notes.c1).toBe('');
    expect(cases.open).toEqual([]);
  });
});

describe('luxury absence', () => {
  it('asks for a period that does not end before it starts and at least one day', () => {
    const form = new luxury.LuxuryForm();
    expect(form.canSubmit).toBe(false);
    form.from = '2026-10-16';
    form.to = '2026-10-15';
    expect(form.canSubmit).toBe(false);
    form.to = '2026-10-16';
    expect(form.canSubmit).toBe(true);
    form.days = 0;
    expect(form.canSubmit).toBe(false);
    form.days = 1;
    form.note = ' Ouders gebeld ';
    expect(form.body()).toEqual({ from: '2026-10-16', to: '2026-10-16', days: 1, note: 'Ouders gebeld' });
    form.made('luxury-1');
    expect(form.madeTaskId).toBe('luxury-1');
    expect(form.from).toBe('');
  });

  it('shows the hints once per student, the student with the newest hint first', () => {
    const hint = (studentId: string, date: string, side: 'before' | 'after'): LuxuryHint => ({
      student: student(studentId),
      date,
      holiday: 'Herfstvakantie',
      side,
      unauthorizedMinutes: 240,
    });
    const grouped = luxury.hintsByStudent([
      hint('s-a', '2026-10-16', 'before'),
      hint('s-b', '2026-10-16', 'before'),
      hint('s-a', '2026-10-26', 'after'),
    ]);
    expect(grouped.map((g) => [g.student.studentId, g.hints.map((h) => h.date)])).toEqual([
      ['s-a', ['2026-10-16', '2026-10-26']],
      ['s-b', ['2026-10-16']],
    ]);
  });
});
