/**
 * Appendix 4 – "Langdurige ziekmeldingen" (sick from the 7th consecutive school day) and
 * "Meerdere ziekmeldingen" (sick reported 4 times within 12 school weeks).
 * Holidays 2026-27: autumn 17-25 Oct, Christmas 19 Dec to 3 Jan.
 */
import { describe, expect, it } from 'vitest';
import { day, evaluate, ofKind, schoolDays, sickDay } from './fixtures';

/** One sick report: sick on `date`, back at school the next school day `back`. */
const sickOnce = (date: string, back: string) => [sickDay(date), day(back)];

describe('Langdurige ziekmelding – from the 7th consecutive school day', () => {
  it('does not let a day without lessons in the middle end the sickness', () => {
    const days = [
      day('2026-11-06'),
      sickDay('2026-11-09'),
      day('2026-11-10', { lessons: 0 }),
      ...schoolDays('2026-11-11', '2026-11-17').map(sickDay),
    ];
    expect(ofKind(evaluate(days, '2026-11-17').signals, 'sick_long')).toEqual([
      {
        kind: 'sick_long',
        id: 'stu-1:sick_long:2026-11-09',
        studentId: 'stu-1',
        period: { from: '2026-11-09', to: '2026-11-17' },
        detectedOn: '2026-11-17',
        schoolDays: 7,
      },
    ]);
  });

  it('follows a signalled sickness night by night while it lasts, without signalling it again', () => {
    const days = [day('2026-11-06'), ...schoolDays('2026-11-09', '2026-11-27').map(sickDay)];
    const first = evaluate(days, '2026-11-17');
    expect(ofKind(first.signals, 'sick_long')).toHaveLength(1);
    expect(first.state.sickLongThrough).toBe('2026-11-17');
    const next = evaluate(days, '2026-11-18', { state: first.state });
    expect(next.signals).toEqual([]);
    expect(next.state.sickLongThrough).toBe('2026-11-18');
    const later = evaluate(days, '2026-11-27', { state: next.state });
    expect(later.signals).toEqual([]);
    expect(later.state.sickLongThrough).toBe('2026-11-27');
  });

  it('does not signal the long sickness again because of a short sickness before it', () => {
    const days = [
      day('2026-11-02'),
      ...sickOnce('2026-11-03', '2026-11-04'),
      ...schoolDays('2026-11-09', '2026-11-17').map(sickDay),
    ];
    const first = evaluate(days, '2026-11-17');
    expect(ofKind(first.signals, 'sick_long').map((s) => s.period)).toEqual([
      { from: '2026-11-09', to: '2026-11-17' },
    ]);
    expect(evaluate(days, '2026-11-17', { state: first.state }).signals).toEqual([]);
  });

  it('names no day to evaluate again for a sickness that ended before its 7th school day', () => {
    const days = [...schoolDays('2026-11-02', '2026-11-04').map(sickDay), day('2026-11-05')];
    const result = evaluate(days, '2026-11-06');
    expect(result.signals).toEqual([]);
    expect(result.recheckOn).toBeNull();
  });
});

describe('Meerdere ziekmeldingen – 4 sick reports within 12 school weeks', () => {
  it('counts a report on the Monday that opens the 12 school weeks (Christmas weeks skipped)', () => {
    // School weeks 12 Oct (1) ... 14 Dec (9), 4 Jan (10), 11 Jan (11), 18 Jan (12).
    const days = [
      ...sickOnce('2026-10-12', '2026-10-13'),
      ...sickOnce('2026-11-09', '2026-11-10'),
      ...sickOnce('2026-12-07', '2026-12-08'),
      ...sickOnce('2027-01-18', '2027-01-19'),
    ];
    expect(ofKind(evaluate(days, '2027-01-19').signals, 'sick_repeated')).toEqual([
      {
        kind: 'sick_repeated',
        id: 'stu-1:sick_repeated:2026-10-12',
        studentId: 'stu-1',
        period: { from: '2026-10-12', to: '2027-01-18' },
        detectedOn: '2027-01-19',
        sickReports: ['2026-10-12', '2026-11-09', '2026-12-07', '2027-01-18'],
      },
    ]);
  });

  it('does not count a report in the 13th school week back', () => {
    const days = [
      ...sickOnce('2026-10-09', '2026-10-12'),
      ...sickOnce('2026-11-09', '2026-11-10'),
      ...sickOnce('2026-12-07', '2026-12-08'),
      ...sickOnce('2027-01-18', '2027-01-19'),
    ];
    expect(ofKind(evaluate(days, '2027-01-19').signals, 'sick_repeated')).toEqual([]);
  });

  it('counts each report in one signal at most: 8 weekly reports make two signals', () => {
    const days = [
      ...sickOnce('2026-11-02', '2026-11-03'),
      ...sickOnce('2026-11-09', '2026-11-10'),
      ...sickOnce('2026-11-16', '2026-11-17'),
      ...sickOnce('2026-11-23', '2026-11-24'),
      ...sickOnce('2026-11-30', '2026-12-01'),
      ...sickOnce('2026-12-07', '2026-12-08'),
      ...sickOnce('2026-12-14', '2026-12-15'),
      ...sickOnce('2027-01-04', '2027-01-05'),
    ];
    expect(ofKind(evaluate(days, '2027-01-05').signals, 'sick_repeated').map((s) => s.sickReports)).toEqual([
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
      ['2026-11-30', '2026-12-07', '2026-12-14', '2027-01-04'],
    ]);
  });
});

describe('Sickness at the edges of the data and of a long history', () => {
  it('neither signals nor names a day to evaluate again for a sickness whose 7th school day lies past the calendar (from Mon 17 Jul 2028)', () => {
    // The calendar's last school day is Friday 21 July 2028; the 7th school day is unknown.
    const days = [day('2028-07-14'), ...schoolDays('2028-07-17', '2028-07-21').map(sickDay)];
    const result = evaluate(days, '2028-07-21');
    expect(ofKind(result.signals, 'sick_long')).toEqual([]);
    expect(result.recheckOn).toBeNull();
  });

  it('makes one signal of every 4 sick reports over a school year of reports every other school day, the last ones too', () => {
    const year = schoolDays('2026-08-24', '2027-03-30'); // 135 school days, 68 reports
    const days = year.map((d, i) => (i % 2 === 0 ? sickDay(d) : day(d)));
    const reports = year.filter((_d, i) => i % 2 === 0);
    expect(reports.length % 4).toBe(0);
    expect(reports.length).toBeGreaterThan(64);
    const groups: string[][] = [];
    for (let k = 0; k + 4 <= reports.length; k += 4) groups.push(reports.slice(k, k + 4));
    const signalled = ofKind(evaluate(days, '2027-03-30').signals, 'sick_repeated').map((s) => s.sickReports);
    expect(signalled).toEqual(groups);
  });
});
