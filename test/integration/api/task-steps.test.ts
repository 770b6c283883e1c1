/**
 * The task screen's API (`GET /api/tasks/{taskId}`, `POST /api/tasks/{taskId}/steps`): a case's
 * steps walked through the real handler on dynalite, each step audited with before and after.
 */
import { describe, expect, it } from 'vitest';
import { FOUR_WEEK_FLOW } from '../../../functions/domain/flows/four-week';
import { startFlow } from '../../../functions/domain/steps';
import { newTask, type Task } from '../../../functions/domain/task';
import { listAudit } from '../../../functions/store/audit-repository';
import { createTask } from '../../../functions/store/tasks-repository';
import { defaultCalendar } from '../../../shared/calendar';
import { translate } from '../../../shared/i18n';
import { useSeededApi } from './fixture';

const sys = useSeededApi();

async function fourWeekCase(taskId: string): Promise<void> {
  const task = newTask({
    taskId,
    kind: 'signal4w',
    about: { studentId: 's-a', studentName: 'Sam Aalders', teamId: 'team-a' },
    createdOn: '2026-11-19',
  });
  await createTask(sys.table, {
    ...startFlow(defaultCalendar, FOUR_WEEK_FLOW, task),
    expiresAt: 4_102_444_800,
  } as Task & {
    expiresAt: number;
  });
}

describe('a case with steps through the API', () => {
  it('shows the task with its student, coach and steps; the first step due 2 working days after the signal', async () => {
    await fourWeekCase('t-4w-show');
    const res = await sys.api.call('officer', 'GET', '/api/tasks/t-4w-show');
    expect(res.status).toBe(200);
    expect(res.json.student).toMatchObject({
      displayName: 'Sam Aalders',
      coachName: 'Anna Coach',
      teamName: 'Techniek A',
    });
    expect(res.json.flow).toBe('four_week');
    expect(res.json.dueOn).toBe('2026-11-23');
    expect(res.json.steps.map((s: { key: string; state: string }) => `${s.key}:${s.state}`)).toEqual([
      'check:current',
      'invitation:later',
      'conversation:later',
      'follow:later',
      'decision:later',
    ]);
  });

  it('completes the current step, names who did it and audits before and after', async () => {
    await fourWeekCase('t-4w-step');
    const res = await sys.api.call('officer', 'POST', '/api/tasks/t-4w-step/steps', {
      step: 'check',
      outcome: 'confirmed',
      note: 'Coach bevestigt: niet op school.',
    });
    expect(res.status).toBe(200);
    expect(res.json.steps[0]).toMatchObject({
      key: 'check',
      state: 'done',
      outcome: 'confirmed',
      by: 'Olaf Officer',
    });
    expect(res.json.steps[1]).toMatchObject({ key: 'invitation', state: 'current', asksDate: true });
    expect(res.json.status).toBe('in_progress');
    const trail = await listAudit(sys.table, 'task', 't-4w-step');
    const entry = trail.find((e) => e.what === 'step check confirmed');
    expect((entry?.before as Task | undefined)?.steps).toEqual([]);
    expect((entry?.after as Task | undefined)?.steps?.[0]?.outcome).toBe('confirmed');
    expect(res.json.history.at(-1)).toMatchObject({ by: 'Olaf Officer', what: 'step check confirmed' });
  });

  it('refuses a step that is not current with a named error the dashboard shows in Dutch', async () => {
    await fourWeekCase('t-4w-wrong');
    const res = await sys.api.call('officer', 'POST', '/api/tasks/t-4w-wrong/steps', {
      step: 'conversation',
      outcome: 'held',
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('step_not_current');
    expect(translate('nl', `error.${res.json.code}` as 'error.step_not_current', res.json.values)).toBe(
      'Stap conversation is nu niet aan de beurt; eerst stap check.',
    );
    const bad = await sys.api.call('officer', 'POST', '/api/tasks/t-4w-wrong/steps', {
      step: 'check',
      outcome: 'held',
    });
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe('outcome_not_allowed');
  });

  it("keeps the officer's cases from coaches and the front office", async () => {
    await fourWeekCase('t-4w-scope');
    expect((await sys.api.call('coachA', 'GET', '/api/tasks/t-4w-scope')).status).toBe(403);
    expect((await sys.api.call('front', 'GET', '/api/tasks/t-4w-scope')).status).toBe(403);
    expect(
      (
        await sys.api.call('front', 'POST', '/api/tasks/t-4w-scope/steps', {
          step: 'check',
          outcome: 'confirmed',
        })
      ).status,
    ).toBe(403);
    expect((await sys.api.call('front', 'GET', '/api/tasks/t-correction')).status).toBe(200);
    expect((await sys.api.call('officer', 'GET', '/api/tasks/no-such-task')).status).toBe(404);
  });
});
