import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../../../functions/domain/errors';
import { newTask } from '../../../functions/domain/task';
import { assignTask } from '../../../functions/domain/task-owner';

const task = newTask({
  taskId: 't-1',
  kind: 'officer_question',
  about: { studentId: 's-1', studentName: 'Sam', teamId: 'team-a' },
  createdOn: '2026-11-20',
});

describe('the owner of a task', () => {
  it('taking an open task starts it', () => {
    expect(assignTask(task, 'vb-1')).toMatchObject({ ownerId: 'vb-1', status: 'in_progress', version: 2 });
  });

  it('giving a task under way to a colleague keeps its status', () => {
    const started = assignTask(task, 'vb-1');
    expect(assignTask(started, 'vb-2')).toMatchObject({ ownerId: 'vb-2', status: 'in_progress', version: 3 });
  });

  it('given back, nobody owns it', () => {
    const back = assignTask(assignTask(task, 'vb-1'), null);
    expect('ownerId' in back).toBe(false);
    expect(back.version).toBe(3);
  });

  it('to its owner: the same record, so nothing is written', () => {
    const mine = assignTask(task, 'vb-1');
    expect(assignTask(mine, 'vb-1')).toBe(mine);
    expect(assignTask(task, null)).toBe(task);
  });

  it('a finished task keeps its owner', () => {
    expect(() => assignTask({ ...task, status: 'done' }, 'vb-1')).toThrow(InvalidTransition);
  });
});
