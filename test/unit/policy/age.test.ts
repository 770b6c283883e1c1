import { describe, expect, it } from 'vitest';
import { ageOn, endOfLeerplicht, legalStatus } from '../../../shared/policy';

describe('Age on a date', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('2010-10-25', '2026-10-24')).toBe(15);
    expect(ageOn('2010-10-25', '2026-10-25')).toBe(16); // also the day summer time ends
    expect(ageOn('2008-03-29', '2026-03-29')).toBe(18); // the day summer time starts
  });

  it('lets someone born on 29 February turn older on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('Leerplichtwet – legal status', () => {
  const q = { startQualification: false };

  it('keeps a student leerplichtig until 31 July of the school year in which they turn 16', () => {
    // Turns 16 on 10 Nov 2026, in school year 2026-27: leerplicht ends 31 Jul 2027.
    const s = { ...q, birthDate: '2010-11-10' };
    expect(endOfLeerplicht(s.birthDate)).toBe('2027-07-31');
    expect(legalStatus(s, '2026-11-10')).toEqual({ status: 'leerplichtig', duoRecipient: 'LPA' });
    expect(legalStatus(s, '2027-07-31').status).toBe('leerplichtig');
    expect(legalStatus(s, '2027-08-01')).toEqual({ status: 'kwalificatieplichtig', duoRecipient: 'LPA' });
  });

  it('ends leerplicht in the same calendar year for a 16th birthday before August', () => {
    expect(endOfLeerplicht('2010-07-31')).toBe('2026-07-31');
    expect(endOfLeerplicht('2010-08-01')).toBe('2027-07-31');
  });

  it('moves from kwalificatieplicht to RMC on the 18th birthday, and to nothing on the 23rd', () => {
    const s = { ...q, birthDate: '2008-11-10' };
    expect(legalStatus(s, '2026-11-09').status).toBe('kwalificatieplichtig');
    expect(legalStatus(s, '2026-11-10')).toEqual({ status: 'rmc', duoRecipient: 'RMC' });
    const older = { ...q, birthDate: '2003-11-10' };
    expect(legalStatus(older, '2026-11-09')).toEqual({ status: 'rmc', duoRecipient: 'RMC' });
    expect(legalStatus(older, '2026-11-10')).toEqual({ status: 'none', duoRecipient: null });
  });

  it('lets a starting qualification end kwalificatieplicht and RMC, but not leerplicht', () => {
    expect(legalStatus({ birthDate: '2009-11-10', startQualification: true }, '2026-11-10')).toEqual({
      status: 'none',
      duoRecipient: null,
    });
    expect(legalStatus({ birthDate: '2005-01-01', startQualification: true }, '2026-11-10').status).toBe(
      'none',
    );
    expect(legalStatus({ birthDate: '2011-01-01', startQualification: true }, '2026-11-10').status).toBe(
      'leerplichtig',
    );
  });
});
