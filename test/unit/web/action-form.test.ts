import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../shared/api/reports';
import type * as Module from '../../../web/src/lib/views/action-form.svelte';
import { loadRunes } from './runes';

let ActionForm: typeof Module.ActionForm;
beforeAll(async () => {
  ({ ActionForm } = await loadRunes<typeof Module>('lib/views/action-form.svelte.ts'));
});

const report = (over: Partial<ReportDetail> = {}): ReportDetail => ({
  reportId: 'r1',
  kind: 'sixteen_hour',
  student: { studentId: 's1', displayName: 'Sam', teamId: 't1', coachId: 'c1' },
  from: '2026-10-01',
  to: '2026-10-20',
  unauthorizedMinutes: 960,
  createdOn: '2026-10-21',
  status: 'open',
  action: null,
  dueDate: '2026-10-27',
  overdue: false,
  routeX: false,
  lessons: [],
  history: [],
  ...over,
});

describe('the coach action form on a 16-hour report', () => {
  it('cannot be applied without an action and an explanation', () => {
    const form = new ActionForm(report());
    expect(form.canApply).toBe(false);
    form.action = 'duo';
    expect(form.canApply).toBe(false);
    form.explanation = '   ';
    expect(form.explanationMissing).toBe(true);
    expect(form.canApply).toBe(false);
    form.explanation = 'Student reageert niet op uitnodigingen.';
    expect(form.canApply).toBe(true);
    expect(form.body()).toEqual({ action: 'duo', explanation: 'Student reageert niet op uitnodigingen.' });
  });

  it('offers "actie afgerond" only during the coach\'s own conversation', () => {
    expect(new ActionForm(report()).canComplete).toBe(false);
    const talking = new ActionForm(report({ status: 'conversation', action: 'coach_conversation' }));
    expect(talking.canComplete).toBe(true);
    expect(talking.open).toBe(true);
  });

  it('closes the form once the report is handled and clears what was typed', () => {
    const form = new ActionForm(report());
    form.action = 'correction';
    form.explanation = 'Lesrooster klopte niet.';
    form.applied(report({ status: 'handled', action: 'correction' }));
    expect(form.open).toBe(false);
    expect(form.canApply).toBe(false);
    expect(form.explanation).toBe('');
    expect(form.action).toBeNull();
  });

  it('does not offer the DUO report on a Route-X report (the internal norm never goes to DUO)', () => {
    expect(new ActionForm(report()).actions).toContain('duo');
    const internal = new ActionForm(report({ routeX: true }));
    expect(internal.actions).not.toContain('duo');
    expect(internal.actions).toContain('coach_conversation');
  });
});
