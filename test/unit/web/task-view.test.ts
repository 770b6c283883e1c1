import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskStep } from '../../../shared/api/tasks';
import type * as Module from '../../../web/src/lib/views/task.svelte';
import { loadRunes } from './runes';

let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/task.svelte.ts');
});

const step = (over: Partial<TaskStep> = {}): TaskStep => ({
  key: 'conversation',
  state: 'current',
  dueOn: '2026-11-24',
  overdue: false,
  outcomes: ['held', 'no_show'],
  asksDate: true,
  dateRequiredFor: ['held'],
  asksNote: true,
  noteRequiredFor: ['no_show'],
  outcome: null,
  date: null,
  note: null,
  by: null,
  at: null,
  ...over,
});

describe("the form of a case's current step", () => {
  it('asks an outcome first, then the date or note that outcome requires', () => {
    const form = new mod.StepForm(step());
    expect(form.ready).toBe(false);
    form.outcome = 'held';
    expect([form.dateRequired, form.noteRequired, form.ready]).toEqual([true, false, false]);
    form.date = '2026-11-23';
    expect(form.ready).toBe(true);
    form.outcome = 'no_show';
    expect([form.dateRequired, form.noteRequired, form.ready]).toEqual([false, true, false]);
    form.note = '  niet gekomen ';
    expect(form.ready).toBe(true);
  });

  it('sends what the step asks, the note trimmed, and no date the step does not ask', () => {
    const form = new mod.StepForm(step({ asksDate: false, dateRequiredFor: [] }));
    form.outcome = 'no_show';
    form.date = '2026-11-23';
    form.note = ' niet gekomen ';
    expect(form.body()).toEqual({ step: 'conversation', outcome: 'no_show', note: 'niet gekomen' });
  });

  it('finds the current step, none once the case is closed', () => {
    expect(mod.currentStep({ steps: [step({ key: 'a', state: 'done' }), step({ key: 'b' })] })?.key).toBe(
      'b',
    );
    expect(mod.currentStep({ steps: [step({ state: 'done' })] })).toBeUndefined();
  });
});

describe("the server's refusals and the history, in words", () => {
  it('shows a named refusal as Dutch text with the step names, not codes', () => {
    const error = Object.assign(new Error('Step follow is not current'), {
      code: 'step_not_current',
      values: { step: 'follow', current: 'check' },
    });
    const text = mod.refusalText('nl', error, 'four_week');
    expect(text).toContain('3 weken volgen');
    expect(text).toContain('Klopt dit verzuim?');
    expect(text).not.toContain('follow');
    expect(mod.refusalText('nl', new Error('boom'), 'four_week')).toBeNull();
  });

  it('writes each change as before -> after, statuses in words, nobody as "geen"', () => {
    expect(mod.changeLine('nl', { field: 'status', before: 'open', after: 'in_progress' })).toBe(
      'Status: open → in behandeling',
    );
    expect(mod.changeLine('nl', { field: 'owner', before: null, after: 'Olaf Officer' })).toBe(
      'Opgepakt door: geen → Olaf Officer',
    );
    expect(mod.byWhom('nl', { by: 'system' })).toBe('Presentie (nachtelijke run)');
  });

  it("says what happened in the reader's language, an unknown entry as recorded", () => {
    expect(mod.whatText('nl', 'created (as of 2026-11-17)', null)).toBe('Aangemaakt');
    expect(mod.whatText('nl', 'owner taken', null)).toBe('Opgepakt');
    expect(mod.whatText('nl', 'step check confirmed', 'four_week')).toBe(
      'Klopt dit verzuim? (navraag bij coach of onderwijsmanager): Verzuim klopt',
    );
    expect(mod.whatText('en', 'owner released', null)).toBe('Given back');
    expect(mod.whatText('nl', 'reminded 0:check (as of 2026-11-24)', 'four_week')).toBe(
      'Herinnering gestuurd: Klopt dit verzuim? (navraag bij coach of onderwijsmanager)',
    );
    expect(mod.whatText('nl', 'something new', null)).toBe('something new');
  });

  it("gives an entry's time in the school's time zone, summer and winter", () => {
    expect(mod.schoolTime('2026-11-30T17:40:00.000Z')).toBe('18:40');
    expect(mod.schoolTime('2026-06-30T17:40:00.000Z')).toBe('19:40');
    expect(mod.schoolDate('2026-11-30T23:30:00.000Z')).toBe('2026-12-01');
  });

  it('writes a percentage in Dutch notation', () => {
    expect(mod.percent('nl', 39.5)).toBe('39,5 %');
    expect(mod.percent('en', 39.5)).toBe('39.5 %');
    expect(mod.percent('nl', null)).toBe('–');
  });
});
