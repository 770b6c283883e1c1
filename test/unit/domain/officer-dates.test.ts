import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../functions/domain/dates';
import {
  closeVisitBy,
  feedbackBy,
  followedUntil,
  followUpOn,
  planBy,
} from '../../../functions/domain/officer-dates';
import { defaultCalendar as calendar } from '../../../shared/calendar';

// Regio Zuid 2026-27: autumn holiday 17–25 October 2026; Whit Monday 17 May 2027 (public holiday),
// Ascension 6 May 2027 and the Friday after it (a day off), King's Day 27 April 2027 (May holiday).

describe("the officer's conversation: follow-up two school weeks after the first (appendix 2)", () => {
  it('falls on the same weekday two weeks later when both weeks have lessons', () => {
    expect(followUpOn(calendar, '2026-09-28')).toBe('2026-10-12');
  });

  it('skips the autumn holiday week: a conversation on Thursday 8 October is followed up on Thursday 29 October', () => {
    expect(followUpOn(calendar, '2026-10-08')).toBe('2026-10-29');
  });

  it('moves off a public holiday to the next school day: Monday 3 May 2027 is followed up on Tuesday 18 May, not Whit Monday', () => {
    expect(calendar.isPublicHoliday('2027-05-17')).toBe(true);
    expect(followUpOn(calendar, '2027-05-03')).toBe('2027-05-18');
  });

  it('follows the student four school weeks, the holiday week not counted', () => {
    expect(followedUntil(calendar, '2026-09-28')).toBe('2026-11-02');
    expect(followedUntil(calendar, '2026-10-01')).toBe('2026-11-05');
  });

  it('always lands on a school day after the conversation, with the follow-up before the end of the following', () => {
    const first = '2026-08-24';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (offset) => {
        const held = addDays(first, offset);
        const followUp = followUpOn(calendar, held);
        const until = followedUntil(calendar, held);
        expect(calendar.isSchoolDay(followUp)).toBe(true);
        expect(calendar.isSchoolDay(until)).toBe(true);
        expect(followUp > addDays(held, 13)).toBe(true);
        expect(until > followUp).toBe(true);
      }),
    );
  });
});

describe('office work in working days: a school holiday counts, a public holiday does not', () => {
  it('plans within five working days, through the autumn holiday', () => {
    expect(planBy(calendar, '2026-10-15')).toBe('2026-10-22');
  });

  it('plans within five working days, past Ascension (the Friday after it is a working day)', () => {
    expect(planBy(calendar, '2027-05-04')).toBe('2027-05-12');
  });

  it('reports back within two working days, past Whit Monday', () => {
    expect(feedbackBy(calendar, '2027-05-14')).toBe('2027-05-19');
  });

  it('closes a home visit within five working days of reporting back', () => {
    expect(closeVisitBy(calendar, '2026-09-28')).toBe('2026-10-05');
  });
});
