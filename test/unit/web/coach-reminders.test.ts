import { beforeAll, describe, expect, it } from 'vitest';
import type * as Module from '../../../web/src/lib/views/coach-reminders.svelte';
import { loadRunes } from './runes';

let CoachReminders: typeof Module.CoachReminders;
beforeAll(async () => {
  ({ CoachReminders } = await loadRunes<typeof Module>('lib/views/coach-reminders.svelte.ts'));
});

describe("the manager's reminder to a coach", () => {
  it('is sent once: afterwards the button is gone for that coach, not for another', async () => {
    const sent: string[] = [];
    const reminders = new CoachReminders((coachId) => {
      sent.push(coachId);
      return Promise.resolve();
    });
    await reminders.send('coach-a');
    await reminders.send('coach-a');
    expect(sent).toEqual(['coach-a']);
    expect(reminders.stateOf('coach-a')).toBe('sent');
    expect(reminders.canSend('coach-a')).toBe(false);
    expect(reminders.canSend('coach-b')).toBe(true);
  });

  it('says the coach was reminded today already when the API answers 409, and lets a failure be retried', async () => {
    const reminders = new CoachReminders((coachId) =>
      Promise.reject(Object.assign(new Error('no'), { status: coachId === 'coach-a' ? 409 : 500 })),
    );
    await reminders.send('coach-a');
    await reminders.send('coach-b');
    expect(reminders.stateOf('coach-a')).toBe('already');
    expect(reminders.canSend('coach-a')).toBe(false);
    expect(reminders.stateOf('coach-b')).toBe('failed');
    expect(reminders.canSend('coach-b')).toBe(true);
  });
});
