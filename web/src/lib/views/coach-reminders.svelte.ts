/** Where a manager's reminder to one coach stands on the unit's page. */
export type ReminderState = 'idle' | 'sending' | 'sent' | 'already' | 'failed';

/**
 * The reminders sent from the unit's list, per coach. A 409 means the coach was reminded today
 * already (one per coach per day, by anyone): shown as such, not as a failure.
 */
export class CoachReminders {
  states = $state<Record<string, ReminderState>>({});

  constructor(private readonly post: (coachId: string) => Promise<unknown>) {}

  stateOf(coachId: string): ReminderState {
    return this.states[coachId] ?? 'idle';
  }

  canSend(coachId: string): boolean {
    const state = this.stateOf(coachId);
    return state === 'idle' || state === 'failed';
  }

  async send(coachId: string): Promise<void> {
    if (!this.canSend(coachId)) return;
    this.states[coachId] = 'sending';
    try {
      await this.post(coachId);
      this.states[coachId] = 'sent';
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status;
      this.states[coachId] = status === 409 ? 'already' : 'failed';
    }
  }
}
