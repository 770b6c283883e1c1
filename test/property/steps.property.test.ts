/**
 * Properties of the steps engine (functions/domain/steps.ts) over every registered flow: any
 * sequence of valid completions ends closed or waiting at a current step and never skips one;
 * a step other than the current one is always refused; a working-day deadline never falls on a
 * weekend or a public holiday, a school-day deadline always on a school day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StepNotCurrent } from '../../functions/domain/errors';
import { FLOWS } from '../../functions/domain/flows';
import {
  completeStep,
  dueOn,
  type FlowDefinition,
  next,
  position,
  startFlow,
} from '../../functions/domain/steps';
import { newTask, type Task } from '../../functions/domain/task';
import { addDays, defaultCalendar } from '../../shared/calendar';

const calendar = defaultCalendar;
const flows = Object.values(FLOWS) as FlowDefinition[];
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/** A date in the calendar's first two school years. */
const dateArb = fc.integer({ min: 0, max: 650 }).map((n) => addDays('2025-08-18', n));

function started(flow: FlowDefinition, createdOn: string): Task {
  const task = newTask({
    taskId: 'T',
    kind: 'signal4w',
    about: { studentId: 'S', studentName: 'Sam', teamId: 't' },
    createdOn,
  });
  return startFlow(calendar, flow, task);
}

describe('the steps engine', () => {
  it('completing steps in any valid sequence ends closed or waiting, in the flow order, never skipping one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...flows),
        dateArb,
        fc.array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: 0, max: 20 }), wrong: fc.nat() }), {
          maxLength: 12,
        }),
        (flow, start, moves) => {
          let task = started(flow, start);
          let on = start;
          const order = flow.steps.map((s) => s.key);
          for (const move of moves) {
            const at = position(calendar, flow, task);
            if (at.closed) break;
            on = addDays(on, move.gap);
            const others = order.filter((k) => k !== at.step.key);
            const wrong = others[move.wrong % Math.max(1, others.length)];
            if (wrong) {
              expect(() =>
                completeStep(calendar, flow, task, {
                  step: wrong,
                  outcome: at.step.outcomes[0] ?? '',
                  by: 'o',
                  at: `${on}T10:00:00Z`,
                }),
              ).toThrow(StepNotCurrent);
            }
            const outcome = at.step.outcomes[move.pick % at.step.outcomes.length] as string;
            task = completeStep(calendar, flow, task, {
              step: at.step.key,
              outcome,
              date: addDays(on, 7),
              note: 'reden',
              by: 'o',
              at: `${on}T10:00:00Z`,
            }).task;
          }
          const records = task.steps ?? [];
          // Never a step skipped: each step done is the one the steps before it led to.
          records.forEach((r, i) => {
            expect(r.key).toBe(next(flow, records.slice(0, i)));
          });
          const end = position(calendar, flow, task);
          if (end.closed) expect(task.status).toBe('done');
          else {
            expect(end.step.key).toBe(next(flow, records));
            expect(task.dueDate).toBe(end.dueOn);
          }
        },
      ),
    );
  });

  it('a working-day deadline never falls on a weekend or public holiday; a school-day one always on a school day', () => {
    const counted = flows.flatMap((f) => f.steps).filter((s) => s.due.unit !== 'days' && s.due.count > 0);
    fc.assert(
      fc.property(fc.constantFrom(...counted), dateArb, (step, since) => {
        const due = dueOn(calendar, step, since, []);
        expect(due > since).toBe(true);
        if (step.due.unit === 'working_days') {
          expect(weekday(due)).toBeLessThan(5);
          expect(calendar.isPublicHoliday(due)).toBe(false);
        } else {
          expect(calendar.isSchoolDay(due)).toBe(true);
        }
      }),
    );
  });
});
