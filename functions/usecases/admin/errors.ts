import type { CalendarProblem } from '../../../shared/calendar';
import type { ProfileProblem } from '../../../shared/policy';

/** The administrator's calendar was not stored: it has gaps, overlaps or days outside its years. */
export class CalendarRefused extends Error {
  override readonly name = 'CalendarRefused';
  constructor(readonly problems: CalendarProblem[]) {
    super(`calendar refused: ${problems.map((p) => p.code).join(', ')}`);
  }
}

/** The administrator's norm profile was not stored: a value out of bounds or fixed by law. */
export class ProfileRefused extends Error {
  override readonly name = 'ProfileRefused';
  constructor(
    readonly profileId: string,
    readonly problems: ProfileProblem[],
  ) {
    super(`norm profile ${profileId} refused: ${problems.map((p) => `${p.code} ${p.field}`).join(', ')}`);
  }
}

/** A norm profile that does not exist. */
export class UnknownProfile extends Error {
  override readonly name = 'UnknownProfile';
  constructor(readonly profileId: string) {
    super(`no norm profile ${profileId}`);
  }
}

/** A notice that is not (or no longer) there to withdraw. */
export class NoticeNotFound extends Error {
  override readonly name = 'NoticeNotFound';
  constructor(
    readonly date: string,
    readonly kind: string,
  ) {
    super(`no notice ${kind} on ${date}`);
  }
}
