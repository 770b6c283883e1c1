import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../shared/api/reports';
import type * as Module from '../../../web/src/lib/views/action-form.svelte';
import { loadRunes } from './runes';

let ActionForm: typeof Module.ActionForm;
let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/action-form.svelte.ts');
  ({ ActionForm } = mod);
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

const legal = (
  over: Partial<NonNullable<ReportDetail['legal']>> = {},
): NonNullable<ReportDetail['legal']> => ({
  outcome: 'lpa',
  status: 'kwalificatieplichtig',
  age: 17,
  startQualification: false,
  ...over,
});

describe('actions that cannot apply: shown, not offered, with the reason', () => {
  const reasonOf = (form: Module.ActionForm, action: string) =>
    form.options.find((o) => o.action === action)?.reason ?? null;

  it('"Melden bij DUO" on a Route-X report or for a student no legal report applies to', () => {
    const routeX = new ActionForm(report({ routeX: true, legal: legal({ outcome: 'route_x' }) }));
    expect(routeX.options.map((o) => o.action)).toContain('duo');
    expect(reasonOf(routeX, 'duo')).toBe('error.duo_route_x');
    const old = new ActionForm(report({ legal: legal({ outcome: 'none', status: 'none', age: 24 }) }));
    expect(old.actions).not.toContain('duo');
    expect(reasonOf(old, 'duo')).toBe('error.no_legal_report');
    expect(old.unavailable.map((o) => o.action)).toEqual(['duo']);
  });

  it('offers every action for a student the law reports (LPA or RMC)', () => {
    for (const outcome of ['lpa', 'rmc'] as const) {
      const form = new ActionForm(report({ legal: legal({ outcome }) }));
      expect(form.unavailable).toEqual([]);
      expect(form.actions).toHaveLength(5);
    }
  });

  it('a second conversation while one is under way', () => {
    const talking = new ActionForm(report({ status: 'conversation', action: 'coach_conversation' }));
    expect(reasonOf(talking, 'coach_conversation')).toBe('error.conversation_under_way');
  });

  it('cannot be applied with an action that does not apply, whatever was typed', () => {
    const form = new ActionForm(report({ legal: legal({ outcome: 'none', status: 'none', age: 30 }) }));
    form.action = 'duo';
    form.explanation = 'Melden.';
    expect(form.canApply).toBe(false);
  });
});

describe('what the law makes of the report, in words', () => {
  it('names the LPA, the RMC, no legal report (age or start qualification) and Route-X', () => {
    expect(mod.legalText('nl', legal())).toBe(
      'Melding bij DUO voor de leerplichtambtenaar (LPA): de student is 17 jaar en kwalificatieplichtig (nog geen startkwalificatie).',
    );
    expect(mod.legalText('nl', legal({ outcome: 'rmc', status: 'rmc', age: 20 }))).toContain('RMC');
    expect(mod.legalText('nl', legal({ outcome: 'none', status: 'none', age: 25 }))).toContain(
      '25 jaar (23 of ouder)',
    );
    expect(
      mod.legalText('nl', legal({ outcome: 'none', status: 'none', age: 19, startQualification: true })),
    ).toContain('startkwalificatie');
    expect(mod.legalText('nl', legal({ outcome: 'route_x' }))).toContain('nooit naar DUO');
    expect(mod.legalText('nl', null)).toContain('Onbekend');
    expect(mod.legalText('en', legal({ outcome: 'rmc', status: 'rmc', age: 20 }))).toContain('RMC');
  });
});

describe('after an action: what happens next and the next open report', () => {
  it('says what happens after each action, DUO with its deadline', () => {
    const form = new ActionForm(report());
    form.action = 'duo';
    form.explanation = 'Geen reactie.';
    form.applied(
      report({ status: 'handled', action: 'duo', duoDeadline: '2026-10-27', nextOpenReportId: 'r2' }),
    );
    expect(form.done).toBe('duo');
    expect(mod.nextStepText('nl', 'duo', form.report)).toBe(
      'DUO-melding klaargezet voor de verzuimbegeleider, die binnen 5 werkdagen meldt bij DUO (uiterlijk 27-10-2026).',
    );
    expect(form.nextOpenReportId).toBe('r2');
    for (const done of [
      'correction',
      'coach_conversation',
      'officer_conversation',
      'officer_question',
      'completed',
    ] as const) {
      expect(mod.nextStepText('nl', done, form.report)).toMatch(/\S/);
    }
  });

  it('"Actie afgerond" asks for an outcome before it can be sent', () => {
    const form = new ActionForm(report({ status: 'conversation', action: 'coach_conversation' }));
    expect(form.outcomeMissing).toBe(true);
    form.outcome = '  Afspraken gemaakt.  ';
    expect(form.outcomeMissing).toBe(false);
    expect(form.completeBody()).toEqual({ outcome: 'Afspraken gemaakt.' });
    form.applied(
      report({ status: 'handled', action: 'coach_conversation', nextOpenReportId: null }),
      'completed',
    );
    expect(form.done).toBe('completed');
    expect(form.outcome).toBe('');
    expect(form.nextOpenReportId).toBeNull();
  });

  it("shows a history entry's status change in words", () => {
    expect(mod.statusChange('nl', { statusBefore: 'open', statusAfter: 'conversation' })).toBe(
      'open → in gesprek',
    );
    expect(mod.statusChange('nl', { statusBefore: 'handled', statusAfter: 'handled' })).toBeNull();
    expect(mod.statusChange('nl', {})).toBeNull();
  });
});
