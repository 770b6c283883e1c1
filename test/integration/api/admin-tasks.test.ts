import { beforeAll, describe, expect, it } from 'vitest';
import { undeliverableMailTask } from '../../../functions/domain/task';
import { undeliverableMailTaskId } from '../../../functions/store/record-ids';
import { createTask } from '../../../functions/store/tasks-repository';
import { useSeededApi } from './fixture';

const sys = useSeededApi();
const taskId = undeliverableMailTaskId('mail-1');

beforeAll(async () => {
  const task = undeliverableMailTask(
    taskId,
    {
      mailId: 'mail-1',
      kind: 'signal8',
      to: ['gone@student.school.example'],
      attempts: 3,
      lastError: 'MessageRejected: no',
    },
    '2026-11-19',
  );
  await createTask(sys.table, { ...task, expiresAt: 4_102_444_800 });
});

describe('a mail the outbox gave up on', () => {
  it("is a task on the administrator's worklist, about no student", async () => {
    const res = await sys.api.call('admin', 'GET', '/api/worklist?kind=undeliverable_mail');
    expect(res.status).toBe(200);
    expect(res.json.items).toMatchObject([
      { taskId, kind: 'undeliverable_mail', status: 'open', student: null, createdOn: '2026-11-19' },
    ]);
    expect(res.json.items[0].explanation).toContain('gone@student.school.example');
  });

  it('the administrator can close it', async () => {
    const done = await sys.api.call('admin', 'POST', `/api/tasks/${taskId}/status`, { status: 'done' });
    expect(done.status).toBe(200);
    const open = await sys.api.call('admin', 'GET', '/api/worklist?kind=undeliverable_mail');
    expect(open.json.items).toEqual([]);
  });

  it("is not on the attendance officer's or the front office's worklist", async () => {
    const officer = await sys.api.call('officer', 'GET', '/api/worklist');
    expect(officer.json.items.map((t: { kind: string }) => t.kind)).not.toContain('undeliverable_mail');
    expect((await sys.api.call('officer', 'GET', '/api/worklist?kind=undeliverable_mail')).status).toBe(403);
    expect((await sys.api.call('front', 'GET', '/api/worklist?kind=undeliverable_mail')).status).toBe(403);
  });
});
