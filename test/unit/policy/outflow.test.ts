/** Outflow (appendix 4): STS-B always, the outflow counsellor for Entree and level 2, the RMC for early school leavers. */
import { describe, expect, it } from 'vitest';
import { involvesOutflowCounsellor, isEarlySchoolLeaver } from '../../../shared/policy';

const leaver = { birthDate: '2008-03-01', level: '2', startQualification: false };

describe('Who the coach involves when a student leaves', () => {
  it('involves the outflow counsellor for Entree and level 2 only', () => {
    expect(['entree', '2', '3', '4'].map(involvesOutflowCounsellor)).toEqual([true, true, false, false]);
  });
});

describe('Early school leaver: under 23 without a starting qualification (WEB 8.1.8a)', () => {
  it('counts a leaver without a diploma', () => {
    expect(isEarlySchoolLeaver(leaver, '2026-10-01')).toBe(true);
  });

  it('does not count an Entree diploma as a starting qualification', () => {
    expect(isEarlySchoolLeaver({ ...leaver, level: 'entree', diplomaObtained: true }, '2026-10-01')).toBe(
      true,
    );
  });

  it('counts a level 2 to 4 diploma, or a qualification held before, as one', () => {
    expect(isEarlySchoolLeaver({ ...leaver, level: '4', diplomaObtained: true }, '2026-10-01')).toBe(false);
    expect(isEarlySchoolLeaver({ ...leaver, level: '2', diplomaObtained: true }, '2026-10-01')).toBe(false);
    expect(isEarlySchoolLeaver({ ...leaver, startQualification: true }, '2026-10-01')).toBe(false);
  });

  it('stops at 23: the day before the 23rd birthday still counts', () => {
    const older = { ...leaver, birthDate: '2003-10-01' };
    expect(isEarlySchoolLeaver(older, '2026-09-30')).toBe(true);
    expect(isEarlySchoolLeaver(older, '2026-10-01')).toBe(false);
  });
});
