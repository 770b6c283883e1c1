import { describe, expect, it } from 'vitest';
import {
  OutcomeNotAllowed,
  StepDateRequired,
  StepNotCurrent,
  StepNoteRequired,
} from '../../../functions/domain/errors';
import { HOME_VISIT_FLOW } from '../../../functions/domain/flows/home-visit';
import { feedbackOf, withOfficerFlow } from '../../../functions/domain/flows/officer';
import { OFFICER_CONVERSATION_FLOW } from '../../../functions/domain/flows/officer-conversation';
import {
  type CompleteStep,
  completeStep,
  type FlowDefinition,
  followedPeriod,
  position,
  reminderDue,
} from '../../../functions/domain/steps';
import { newTask, type Task } from '../../../functions/domain/task';
import { defaultCalendar as calendar } from '../../../shared/calendar';

// Regio Zuid 2026-27: autumn holiday 17–25 October 2026; Ascension Thursday 6 May 2027 and the
// Friday after it off; Whit Monday 17 May 2027.

const about = { studentId: 's1', studentName: 'Sanne de Boer', teamId: 'team-ict' };

function started(kind: 'officer_conversation' | 'home_visit', createdOn: string): Task {
  return withOfficerFlow(calendar, newTask({ taskId: `t-${kind}`, kind, about, createdOn }));
}

/** Completes steps in order, each at 10:00 school time on its `on` date. */
function walk(
  flow: FlowDefinition,
  task: Task,
  ...steps: (Omit<CompleteStep, 'by' | 'at'> & { on: string })[]
) {
  let current = task;
  for (const { on, ...step } of steps) {
    current = completeStep(calendar, flow, current, { ...step, by: 'vb-bakker', at: `${on}T08:00:00Z` }).task;
  }
  return current;
}

const dueOf = (flow: FlowDefinition, task: Task) => {
  const at = position(calendar, flow, task);
  return at.closed ? 'closed' : [at.step.key, at.dueOn];
};

describe("the officer's conversation as a case (appendix 2, 'gesprek door verzuimbegeleider')", () => {
  const flow = OFFICER_CONVERSATION_FLOW;

  it('starts at planning, due 5 working days after the request, on the task and on the worklist', () => {
    const task = started('officer_conversation', '2026-09-14');
    expect(task).toMatchObject({ flow: 'officer_conversation', steps: [], dueDate: '2026-09-21' });
    expect(task.remindOn).toBeUndefined();
  });

  it('asks a date to plan, then the conversation is due on that date', () => {
    const task = started('officer_conversation', '2026-09-14');
    expect(() =>
      completeStep(calendar, flow, task, {
        step: 'plan',
        outcome: 'planned',
        by: 'vb',
        at: '2026-09-15T08:00:00Z',
      }),
    ).toThrow(StepDateRequired);
    const planned = walk(flow, task, {
      step: 'plan',
      outcome: 'planned',
      date: '2026-09-28',
      on: '2026-09-15',
    });
    expect(dueOf(flow, planned)).toEqual(['conversation', '2026-09-28']);
    expect(planned.status).toBe('in_progress');
  });

  it('needs a note when the conversation was held, none when the student did not come', () => {
    const planned = walk(flow, started('officer_conversation', '2026-09-14'), {
      step: 'plan',
      outcome: 'planned',
      date: '2026-09-28',
      on: '2026-09-15',
    });
    expect(() =>
      completeStep(calendar, flow, planned, {
        step: 'conversation',
        outcome: 'held',
        by: 'vb',
        at: '2026-09-28T10:00:00Z',
      }),
    ).toThrow(StepNoteRequired);
    const noShow = walk(flow, planned, { step: 'conversation', outcome: 'no_show', on: '2026-09-28' });
    expect(dueOf(flow, noShow)).toEqual(['feedback', '2026-09-30']);
  });

  it('refuses another step than the current one, and an outcome the step does not offer', () => {
    const task = started('officer_conversation', '2026-09-14');
    expect(() =>
      completeStep(calendar, flow, task, {
        step: 'feedback',
        outcome: 'reported',
        by: 'vb',
        at: '2026-09-15T08:00:00Z',
      }),
    ).toThrow(StepNotCurrent);
    expect(() =>
      completeStep(calendar, flow, task, {
        step: 'plan',
        outcome: 'held',
        date: '2026-09-28',
        by: 'vb',
        at: '2026-09-15T08:00:00Z',
      }),
    ).toThrow(OutcomeNotAllowed);
  });

  it('plans again when the conversation is moved, and counts the follow-up from the new date', () => {
    const moved = walk(
      flow,
      started('officer_conversation', '2026-09-14'),
      { step: 'plan', outcome: 'planned', date: '2026-09-28', on: '2026-09-15' },
      { step: 'conversation', outcome: 'rescheduled', on: '2026-09-28' },
    );
    expect(dueOf(flow, moved)).toEqual(['plan', '2026-10-05']);
    const again = walk(
      flow,
      moved,
      { step: 'plan', outcome: 'planned', date: '2026-10-08', on: '2026-09-29' },
      { step: 'conversation', outcome: 'held', note: 'Afspraken gemaakt', on: '2026-10-08' },
      { step: 'feedback', outcome: 'reported', on: '2026-10-09' },
    );
    expect(dueOf(flow, again)).toEqual(['followup', '2026-10-29']);
  });

  it('walks plan → conversation → feedback → follow-up → finish; the follow-up skips the autumn holiday', () => {
    const task = started('officer_conversation', '2026-10-01');
    const fedBack = walk(
      flow,
      task,
      { step: 'plan', outcome: 'planned', date: '2026-10-08', on: '2026-10-02' },
      { step: 'conversation', outcome: 'held', note: 'Student slaapt slecht', on: '2026-10-08' },
      { step: 'feedback', outcome: 'reported', on: '2026-10-08' },
    );
    // Two school weeks after Thursday 8 October, the holiday week not counted: Thursday 29 October.
    expect(dueOf(flow, fedBack)).toEqual(['followup', '2026-10-29']);
    // Reminded on its day, not before, and once (the task records the step reminded of).
    expect(reminderDue(calendar, flow, fedBack, '2026-10-28')).toBeNull();
    const due = reminderDue(calendar, flow, fedBack, '2026-10-29');
    expect(due).toMatchObject({ step: 'followup', dueOn: '2026-10-29' });
    expect(
      reminderDue(calendar, flow, { ...fedBack, remindedSteps: [due?.ref ?? ''] }, '2026-10-30'),
    ).toBeNull();

    const followedUp = walk(flow, fedBack, {
      step: 'followup',
      outcome: 'held',
      note: 'Gaat beter',
      on: '2026-10-29',
    });
    // Four school weeks (20 school days) after the conversation: Thursday 12 November.
    expect(dueOf(flow, followedUp)).toEqual(['finish', '2026-11-12']);
    expect(followedPeriod(flow, followedUp, '2026-11-05')).toEqual({ from: '2026-10-08', to: '2026-11-05' });

    expect(() =>
      completeStep(calendar, flow, followedUp, {
        step: 'finish',
        outcome: 'referred',
        by: 'vb',
        at: '2026-11-12T10:00:00Z',
      }),
    ).toThrow(StepNoteRequired);
    const closed = walk(flow, followedUp, { step: 'finish', outcome: 'improved', on: '2026-11-12' });
    expect(closed.status).toBe('done');
    expect(position(calendar, flow, closed)).toEqual({ closed: true });
    expect(followedPeriod(flow, closed, '2026-12-01')).toEqual({ from: '2026-10-08', to: '2026-11-12' });
  });

  it('puts the follow-up past Ascension, the day off after it and Whit Monday on the tenth school day', () => {
    const fedBack = walk(
      flow,
      started('officer_conversation', '2027-04-20'),
      { step: 'plan', outcome: 'planned', date: '2027-05-03', on: '2027-04-21' },
      { step: 'conversation', outcome: 'held', note: 'Gesprek', on: '2027-05-03' },
      { step: 'feedback', outcome: 'reported', on: '2027-05-04' },
    );
    expect(calendar.isPublicHoliday('2027-05-17')).toBe(true);
    expect(dueOf(flow, fedBack)).toEqual(['followup', '2027-05-20']);
  });

  it('reports back within 2 working days, a public holiday not counted', () => {
    const met = walk(
      flow,
      started('officer_conversation', '2027-04-20'),
      { step: 'plan', outcome: 'planned', date: '2027-05-05', on: '2027-04-21' },
      { step: 'conversation', outcome: 'held', note: 'Gesprek', on: '2027-05-05' },
    );
    // Wednesday 5 May: Thursday 6 (Ascension) does not count, Friday 7 does (a working day), then Monday 10.
    expect(dueOf(flow, met)).toEqual(['feedback', '2027-05-10']);
  });
});

describe("a home visit (appendix 4 §5, 'Huisbezoek')", () => {
  const flow = HOME_VISIT_FLOW;

  it('is a case of its own: plan, visit, report back, close with an outcome', () => {
    const task = started('home_visit', '2026-10-14');
    // Five working days, the autumn holiday counting (office work): Wednesday 21 October.
    expect(task).toMatchObject({ flow: 'home_visit', dueDate: '2026-10-21' });
    const visited = walk(
      flow,
      task,
      { step: 'plan', outcome: 'planned', date: '2026-10-27', on: '2026-10-15' },
      { step: 'visit', outcome: 'nobody_home', on: '2026-10-27' },
      { step: 'feedback', outcome: 'reported', on: '2026-10-27' },
    );
    expect(dueOf(flow, visited)).toEqual(['finish', '2026-11-03']);
    expect(() =>
      completeStep(calendar, flow, visited, {
        step: 'finish',
        outcome: 'no_contact',
        by: 'vb',
        at: '2026-11-02T10:00:00Z',
      }),
    ).toThrow(StepNoteRequired);
    const closed = walk(flow, visited, {
      step: 'finish',
      outcome: 'no_contact',
      note: 'Leerplicht ingeschakeld',
      on: '2026-11-02',
    });
    expect(closed.status).toBe('done');
    expect(closed.steps?.map((s) => [s.key, s.outcome])).toEqual([
      ['plan', 'planned'],
      ['visit', 'nobody_home'],
      ['feedback', 'reported'],
      ['finish', 'no_contact'],
    ]);
  });

  it('needs a note for a visit made', () => {
    const planned = walk(flow, started('home_visit', '2026-10-14'), {
      step: 'plan',
      outcome: 'planned',
      date: '2026-10-27',
      on: '2026-10-15',
    });
    expect(() =>
      completeStep(calendar, flow, planned, {
        step: 'visit',
        outcome: 'visited',
        by: 'vb',
        at: '2026-10-27T10:00:00Z',
      }),
    ).toThrow(StepNoteRequired);
  });
});

describe('what the coach is told when the officer reports back', () => {
  it('a conversation: its outcome and day, the follow-up and the weeks followed', () => {
    const fedBack = walk(
      OFFICER_CONVERSATION_FLOW,
      started('officer_conversation', '2026-10-01'),
      { step: 'plan', outcome: 'planned', date: '2026-10-08', on: '2026-10-02' },
      { step: 'conversation', outcome: 'no_show', on: '2026-10-08' },
      { step: 'feedback', outcome: 'reported', note: 'Alleen voor het dossier', on: '2026-10-09' },
    );
    const record = fedBack.steps?.at(-1);
    if (!record) throw new Error('no record');
    expect(feedbackOf(calendar, fedBack, record)).toEqual({
      flow: 'officer_conversation',
      outcome: 'no_show',
      date: '2026-10-08',
      following: { from: '2026-10-08', to: '2026-11-12', followUpOn: '2026-10-29' },
    });
    const plan = fedBack.steps?.[0];
    if (plan) expect(feedbackOf(calendar, fedBack, plan)).toBeNull();
  });

  it('a home visit: its outcome and day, nothing followed', () => {
    const fedBack = walk(
      HOME_VISIT_FLOW,
      started('home_visit', '2026-10-14'),
      { step: 'plan', outcome: 'planned', date: '2026-10-27', on: '2026-10-15' },
      { step: 'visit', outcome: 'visited', note: 'Moeder gesproken', on: '2026-10-27' },
      { step: 'feedback', outcome: 'reported', on: '2026-10-28' },
    );
    const record = fedBack.steps?.at(-1);
    if (!record) throw new Error('no record');
    expect(feedbackOf(calendar, fedBack, record)).toEqual({
      flow: 'home_visit',
      outcome: 'visited',
      date: '2026-10-27',
    });
  });
});

describe('the flows as the engine reads them', () => {
  it.each([OFFICER_CONVERSATION_FLOW, HOME_VISIT_FLOW])(
    '$kind names no step `close` (the engine reads that as closed)',
    (flow) => {
      const keys = flow.steps.map((s) => s.key);
      expect(keys).not.toContain('close');
      expect(new Set(keys).size).toBe(keys.length);
      for (const step of flow.steps) {
        for (const target of Object.values(step.leadsTo ?? {})) expect([...keys, 'close']).toContain(target);
      }
    },
  );
});

describe('other tasks', () => {
  it('start no flow: a question to the officer stays a plain task', () => {
    const task = withOfficerFlow(
      calendar,
      newTask({ taskId: 'q', kind: 'officer_question', about, createdOn: '2026-09-14' }),
    );
    expect(task.flow).toBeUndefined();
    expect(task.steps).toBeUndefined();
  });
});
