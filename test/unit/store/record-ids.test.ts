import { describe, expect, it } from 'vitest';
import {
  actionTaskId,
  outflowCaseId,
  referralTaskId,
  reminderTaskId,
  reportIdFor,
  signalTaskId,
  taskMailId,
} from '../../../functions/store/record-ids';
import { batchMailId } from '../../../functions/usecases/nightly/mail-batch';

// Stored records and the outbox's idempotency depend on these strings: they must never change.
describe('record ids', () => {
  it('names a report by student and period start, keeping only word characters, dots and dashes', () => {
    expect(reportIdFor({ studentId: 's-ole', period: { from: '2026-09-07', to: '2026-09-24' } })).toBe(
      's-ole.2026-09-07',
    );
    expect(reportIdFor({ studentId: 's 1/x', period: { from: '2026-09-07', to: '2026-09-24' } })).toBe(
      's_1_x.2026-09-07',
    );
  });

  it("names a signal's task by the signal, with its colons made safe", () => {
    expect(signalTaskId({ id: 's-ole:signal4w:2026-09-07' })).toBe('s-ole_signal4w_2026-09-07');
    expect(signalTaskId({ id: 's-ole:sick_long:2026-10-01' })).toBe('s-ole_sick_long_2026-10-01');
  });

  it("names an action's task, a reminder and an outflow case after what they come from", () => {
    expect(actionTaskId('s-ole.2026-09-07', 0)).toBe('s-ole.2026-09-07.a0');
    expect(actionTaskId('s-ole.2026-09-07', 2)).toBe('s-ole.2026-09-07.a2');
    expect(reminderTaskId('s-ole.2026-09-07.a1')).toBe('s-ole.2026-09-07.a1.reminder');
    expect(outflowCaseId('s-ole', '2026-11-02')).toBe('s-ole.outflow.2026-11-02');
    expect(referralTaskId()).toMatch(/^referral-[0-9a-f-]{36}$/);
  });

  it('names mails: a task mail per person, a nightly mail per date, template and reader', () => {
    expect(taskMailId('s-ole.2026-09-07.a0', 'ao-bakker')).toBe('s-ole.2026-09-07.a0:ao-bakker');
    expect(batchMailId('2026-09-07', 'signal8.student', 'Ole@Student.example')).toBe(
      'nightly:2026-09-07:signal8.student:9937f6e2d1ef9d86',
    );
    expect(batchMailId('2026-09-07', 'task.assignee', 'a.bakker@school.example')).toBe(
      'nightly:2026-09-07:task.assignee:1cffed329a0fe354',
    );
  });
});
