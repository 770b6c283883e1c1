import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import {
  type ClassifyContext,
  classify,
  dayOfSchoolYear,
  dayOfStretch,
  type Notice,
  type Reason,
  RULES,
  ruleText,
  schoolYearOf,
} from '../../../shared/policy';
import { registration } from './fixtures';

const adult = '2000-01-10'; // 26 on the dates below
const minor = '2010-06-01'; // 16

const reg = registration;

function ctx(birthDate = minor, extra: Partial<ClassifyContext> = {}): ClassifyContext {
  return { birthDate, severeWeatherDates: new Set(), ...extra };
}

const phone = (reportedBy: Notice['reportedBy'], more: Partial<Notice> = {}): Notice => ({
  channel: 'phone',
  reportedBy,
  proof: false,
  ...more,
});

describe('Minutes (exact, never rounded)', () => {
  it('counts a whole lesson for absence', () => {
    expect(classify(reg({ start: '08:30', end: '10:05' }), ctx()).minutesMissed).toBe(95);
  });

  it('counts the minutes missed for late arrival or leaving early', () => {
    const late = classify(reg({ status: 'late', minutesMissed: 7 }), ctx());
    expect(late).toMatchObject({ minutesMissed: 7, lessonMinutes: 90, kind: 'unauthorized' });
    expect(classify(reg({ status: 'left_early', minutesMissed: 23 }), ctx()).minutesMissed).toBe(23);
  });

  it('never counts more than the lesson, and nothing for presence', () => {
    expect(classify(reg({ status: 'late', minutesMissed: 500 }), ctx()).minutesMissed).toBe(90);
    expect(classify(reg({ status: 'present', reason: 'truancy' }), ctx())).toMatchObject({
      kind: 'present',
      minutesMissed: 0,
      ruleId: 'present',
    });
  });

  it('is not shifted by the summer-time change (lessons on 29 Mar and 25 Oct 2026 keep their length)', () => {
    expect(classify(reg({ date: '2026-03-29', start: '01:30', end: '03:30' }), ctx()).minutesMissed).toBe(
      120,
    );
    expect(classify(reg({ date: '2026-10-25', start: '02:00', end: '03:00' }), ctx()).minutesMissed).toBe(60);
  });
});

describe('H4 – Ongeoorloofd verzuim', () => {
  it('treats absence without an explanation as unauthorized', () => {
    expect(classify(reg(), ctx())).toMatchObject({ kind: 'unauthorized', ruleId: 'unexplained' });
    expect(classify(reg({ status: 'late', minutesMissed: 5 }), ctx()).ruleId).toBe('late.unexplained');
  });

  it('treats truancy, a day off without permission and doubtful sickness as unauthorized', () => {
    expect(classify(reg({ reason: 'truancy' }), ctx()).ruleId).toBe('truancy');
    expect(classify(reg({ reason: 'day_off' }), ctx()).ruleId).toBe('day_off.without_permission');
    const doubtful = classify(reg({ reason: 'doubtful_sickness', notice: phone('parent') }), ctx());
    expect(doubtful).toMatchObject({ kind: 'unauthorized', ruleId: 'sick.doubtful', sick: true });
  });

  it('authorizes a day off only with permission', () => {
    const r = classify(reg({ reason: 'day_off', notice: phone('student', { approvedBy: 'coach' }) }), ctx());
    expect(r).toMatchObject({ kind: 'authorized', ruleId: 'day_off.approved' });
  });
});

describe('H3 – Geoorloofd verzuim', () => {
  it('authorizes long-term illness and pregnancy', () => {
    expect(classify(reg({ reason: 'long_term_illness' }), ctx()).kind).toBe('authorized');
    expect(classify(reg({ reason: 'pregnancy' }), ctx())).toMatchObject({
      kind: 'authorized',
      ruleId: 'pregnancy',
    });
  });

  it('ch. 3: a suspension’s 5th school day is authorized as suspension', () => {
    expect(classify(reg({ reason: 'suspension' }), ctx(minor, { suspensionDay: 5 }))).toMatchObject({
      kind: 'authorized',
      ruleId: 'suspension',
    });
    expect(classify(reg({ reason: 'suspension' }), ctx()).kind).toBe('authorized');
  });

  it('ch. 3: a suspension’s 6th school day stays authorized and is never reported', () => {
    // Authorized: its minutes never reach the 8-hour mail or the 16-hour report. The rule id
    // says the data is over the limit, so the attendance officer checks it.
    for (const day of [6, 7, 30]) {
      expect(classify(reg({ reason: 'suspension' }), ctx(minor, { suspensionDay: day }))).toMatchObject({
        kind: 'authorized',
        ruleId: 'suspension.beyond_5_days',
        minutesMissed: 90,
      });
    }
    expect(ruleText('suspension.beyond_5_days', 'nl')).toMatch(/controleert de registratie/);
    expect(ruleText('suspension.beyond_5_days', 'en')).toMatch(/checks the data/);
  });

  it('authorizes special leave only with the education manager', () => {
    const manager = phone('student', { approvedBy: 'manager' });
    const coach = phone('student', { approvedBy: 'coach' });
    expect(classify(reg({ reason: 'special_leave', notice: manager }), ctx()).ruleId).toBe(
      'special_leave.manager',
    );
    expect(classify(reg({ reason: 'special_leave', notice: coach }), ctx()).ruleId).toBe(
      'special_leave.not_approved',
    );
    expect(classify(reg({ reason: 'wedding_or_funeral' }), ctx()).kind).toBe('unauthorized');
  });

  it('Lpw art. 14: the 10th special-leave day of a school year is authorized, the 11th is not', () => {
    const manager = phone('student', { approvedBy: 'manager', proof: true });
    const leave = (reason: Reason, day: number) =>
      classify(reg({ reason, notice: manager }), ctx(minor, { specialLeaveDayOfYear: day }));
    expect(leave('special_leave', 10)).toMatchObject({ kind: 'authorized', ruleId: 'special_leave.manager' });
    expect(leave('wedding_or_funeral', 10).ruleId).toBe('special_leave.manager');
    expect(leave('special_leave', 11)).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'special_leave.too_long',
    });
    expect(leave('wedding_or_funeral', 11).ruleId).toBe('special_leave.too_long');
    expect(ruleText('special_leave.too_long', 'nl')).toMatch(/Leerplichtwet art\. 14/);
  });

  it('Lpw art. 14: a decision (the leerplichtambtenaar’s approval) makes the 11th day authorized', () => {
    const manager = phone('student', { approvedBy: 'manager' });
    const r = classify(
      reg({ reason: 'special_leave', notice: manager, decision: 'authorized' }),
      ctx(minor, { specialLeaveDayOfYear: 11 }),
    );
    expect(r).toMatchObject({ kind: 'authorized', ruleId: 'decision.authorized' });
  });
});

describe('Lpw art. 14 – Bijzonder verlof: counting the school year', () => {
  /** Six school days in October 2026 and six in March 2027: one school year, two stretches. */
  const october = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-12'];
  const march = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15'];

  it('the 11th special-leave day of a school year is unauthorized, across two stretches', () => {
    const dates = new Set([...october, ...march]);
    expect(march.map((d) => dayOfSchoolYear(dates, d))).toEqual([7, 8, 9, 10, 11, 12]);
    const manager = phone('parent', { approvedBy: 'manager' });
    const kinds = march.map(
      (date) =>
        classify(
          reg({ date, reason: 'special_leave', notice: manager }),
          ctx(minor, { specialLeaveDayOfYear: dayOfSchoolYear(dates, date) }),
        ).kind,
    );
    expect(kinds).toEqual([
      'authorized',
      'authorized',
      'authorized',
      'authorized',
      'unauthorized',
      'unauthorized',
    ]);
  });

  it('counts a day not yet among the dates as the next one, whatever order the dates came in', () => {
    const dates = new Set([...march].reverse());
    expect(dayOfSchoolYear(dates, '2026-10-05')).toBe(1);
    expect(dayOfSchoolYear(new Set([...october, ...march]), '2027-03-16')).toBe(13);
  });

  it('starts again on 1 August: a new school year has its own 10 days', () => {
    const spring2026 = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-08'];
    const dates = new Set([...spring2026, ...october, ...march]);
    expect(dayOfSchoolYear(dates, '2026-06-08')).toBe(6);
    expect(dayOfSchoolYear(dates, '2026-10-05')).toBe(1);
    expect(schoolYearOf('2026-07-31')).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(schoolYearOf('2026-08-01')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
  });
});

describe('Bijlage 1 – Ziekmelden', () => {
  it('authorizes sickness reported by phone by a parent of a student under 18', () => {
    expect(classify(reg({ reason: 'sick', notice: phone('parent') }), ctx(minor))).toMatchObject({
      kind: 'authorized',
      ruleId: 'sick.phone',
      sick: true,
    });
  });

  it('does not accept a student under 18 calling in sick themselves, also when going home sick', () => {
    const r = classify(
      reg({ reason: 'sick', status: 'left_early', minutesMissed: 45, notice: phone('student') }),
      ctx(),
    );
    expect(r).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'sick.minor_not_parent',
      sick: true,
      minutesMissed: 45,
    });
  });

  it('lets a student call in sick themselves from their 18th birthday', () => {
    const notice = phone('student');
    const birth = '2008-11-10';
    expect(classify(reg({ date: '2026-11-09', reason: 'sick', notice }), ctx(birth)).kind).toBe(
      'unauthorized',
    );
    expect(classify(reg({ date: '2026-11-10', reason: 'sick', notice }), ctx(birth)).kind).toBe('authorized');
  });

  it('does not process a sick report by e-mail, whoever sends it', () => {
    const notice: Notice = { channel: 'email', reportedBy: 'parent', proof: false };
    expect(classify(reg({ reason: 'sick', notice }), ctx(adult))).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'sick.email',
    });
  });

  it('treats sickness not reported at all as unauthorized', () => {
    expect(classify(reg({ reason: 'sick' }), ctx(adult)).ruleId).toBe('sick.not_reported');
  });
});

describe('Bijlage 1 – Leveren van bewijs', () => {
  const desk = (proof: boolean, more: Partial<Notice> = {}): Notice => ({
    channel: 'desk',
    reportedBy: 'student',
    proof,
    ...more,
  });

  it('authorizes an appointment with proof under 23', () => {
    expect(classify(reg({ reason: 'medical_appointment', notice: desk(true) }), ctx()).ruleId).toBe(
      'appointment.proof',
    );
  });

  it('keeps an appointment without proof unauthorized under 23, up to the day before the 23rd birthday', () => {
    const birth = '2003-11-10';
    const r = classify(
      reg({ date: '2026-11-09', reason: 'medical_appointment', notice: desk(false) }),
      ctx(birth),
    );
    expect(r).toMatchObject({ kind: 'unauthorized', ruleId: 'appointment.no_proof' });
  });

  it('needs no proof from the 23rd birthday on', () => {
    const birth = '2003-11-10';
    const r = classify(
      reg({ date: '2026-11-10', reason: 'authority_appointment', notice: desk(false) }),
      ctx(birth),
    );
    expect(r).toMatchObject({ kind: 'authorized', ruleId: 'appointment.no_proof_needed_23' });
  });

  it('accepts a parent calling or the coach giving permission instead of proof', () => {
    expect(classify(reg({ reason: 'leave', notice: phone('parent') }), ctx()).ruleId).toBe(
      'appointment.parent_called',
    );
    expect(
      classify(reg({ reason: 'leave', notice: desk(false, { approvedBy: 'coach' }) }), ctx()).ruleId,
    ).toBe('appointment.coach_permission');
  });

  it('treats a doctor’s visit not reported to the front office as unauthorized, even from 23', () => {
    expect(classify(reg({ reason: 'medical_appointment' }), ctx(adult)).ruleId).toBe(
      'not_reported_in_advance',
    );
  });
});

describe('Bijlage 1 – Afwezigheid: "dien je dit altijd door te geven bij Front Office"', () => {
  /** Every fact that could authorize it, except the report itself. */
  const unreported: Notice = {
    channel: 'none',
    reportedBy: 'student',
    proof: true,
    approvedBy: 'manager',
    beforeExam: true,
  };
  const mustReport: Reason[] = [
    'driving_exam',
    'driving_lesson',
    'transport_disruption',
    'medical_appointment',
    'leave',
    'authority_appointment',
    'internship_activity',
    'wedding_or_funeral',
  ];

  it.each(mustReport)(
    'appendix 1: %s nobody reported is unauthorized (not_reported_in_advance)',
    (reason) => {
      for (const notice of [undefined, unreported]) {
        for (const birth of [minor, adult]) {
          expect(classify(reg({ reason, notice }), ctx(birth))).toMatchObject({
            kind: 'unauthorized',
            ruleId: 'not_reported_in_advance',
          });
        }
      }
    },
  );

  it('appendix 1: a driving exam nobody reported is unauthorized (not_reported_in_advance), even with the CBR invitation', () => {
    const r = classify(reg({ reason: 'driving_exam', notice: unreported }), ctx(adult));
    expect(r).toMatchObject({ kind: 'unauthorized', ruleId: 'not_reported_in_advance' });
    expect(ruleText(r.ruleId, 'nl')).toMatch(/Front Office/);
    expect(ruleText(r.ruleId, 'en')).toMatch(/front office/);
  });

  it('appendix 1: reported by phone, by e-mail or at the desk, the reason’s own rule decides', () => {
    for (const channel of ['phone', 'email', 'desk'] as const) {
      const notice: Notice = { channel, reportedBy: 'student', proof: true };
      expect(classify(reg({ reason: 'driving_exam', notice }), ctx()).ruleId).toBe('driving.exam');
      expect(classify(reg({ reason: 'transport_disruption', notice }), ctx()).ruleId).toBe(
        'transport.disruption_proof',
      );
    }
  });

  it('appendix 1: a wedding or funeral reported without the invitation or funeral card is unauthorized', () => {
    const approved: Notice = { channel: 'email', reportedBy: 'parent', proof: false, approvedBy: 'manager' };
    expect(classify(reg({ reason: 'wedding_or_funeral', notice: approved }), ctx())).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'wedding_or_funeral.no_proof',
    });
    const withCard = { ...approved, proof: true };
    expect(classify(reg({ reason: 'wedding_or_funeral', notice: withCard }), ctx()).ruleId).toBe(
      'special_leave.manager',
    );
  });

  it('leaves the rules that never authorize, and the portal’s notice, as they were', () => {
    expect(classify(reg({ reason: 'optician' }), ctx(adult)).ruleId).toBe('optician');
    expect(classify(reg({ reason: 'late_transport', status: 'late', minutesMissed: 5 }), ctx()).ruleId).toBe(
      'late.transport',
    );
    const c = ctx(minor, { severeWeatherDates: new Set(['2026-11-10']) });
    expect(classify(reg({ reason: 'severe_weather' }), c).ruleId).toBe('weather.portal_notice');
  });
});

describe('Bijlage 1 – Theorie- of rijexamen', () => {
  it('authorizes the exam with the CBR invitation only', () => {
    const withInvitation: Notice = { channel: 'email', reportedBy: 'student', proof: true };
    expect(classify(reg({ reason: 'driving_exam', notice: withInvitation }), ctx()).kind).toBe('authorized');
    expect(classify(reg({ reason: 'driving_exam', notice: phone('student') }), ctx()).ruleId).toBe(
      'driving.exam_no_invitation',
    );
    // "Altijd": also from 23, unlike other appointments.
    expect(classify(reg({ reason: 'driving_exam', notice: phone('student') }), ctx(adult)).kind).toBe(
      'unauthorized',
    );
  });

  it('allows only the driving lesson right before the exam', () => {
    expect(classify(reg({ reason: 'driving_lesson', notice: phone('student') }), ctx(adult)).ruleId).toBe(
      'driving.lesson',
    );
    const before = phone('student', { beforeExam: true, proof: true });
    expect(classify(reg({ reason: 'driving_lesson', notice: before }), ctx()).kind).toBe('authorized');
  });
});

describe('Bijlage 1 – Stagegesprek/stageactiviteit', () => {
  it('authorizes an internship activity reported by e-mail, not otherwise', () => {
    const email: Notice = { channel: 'email', reportedBy: 'student', proof: false };
    expect(classify(reg({ reason: 'internship_activity', notice: email }), ctx()).ruleId).toBe(
      'internship.email',
    );
    expect(classify(reg({ reason: 'internship_activity', notice: phone('employer') }), ctx()).ruleId).toBe(
      'internship.not_by_email',
    );
  });
});

describe('Bijlage 1 – Opticien', () => {
  it('never authorizes an optician appointment in class time, even with proof at 23+', () => {
    const notice: Notice = { channel: 'desk', reportedBy: 'student', proof: true };
    expect(classify(reg({ reason: 'optician', notice }), ctx(adult))).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'optician',
    });
  });
});

describe('Bijlage 1 – Te laat', () => {
  it('treats being late because of traffic or a missed bus as unauthorized', () => {
    const r = classify(
      reg({ status: 'late', minutesMissed: 15, reason: 'late_transport', notice: phone('parent') }),
      ctx(),
    );
    expect(r).toMatchObject({ kind: 'unauthorized', ruleId: 'late.transport', minutesMissed: 15 });
  });

  it('authorizes a train or bus disruption only with proof', () => {
    const proof: Notice = { channel: 'desk', reportedBy: 'student', proof: true };
    expect(
      classify(
        reg({ status: 'late', minutesMissed: 30, reason: 'transport_disruption', notice: proof }),
        ctx(),
      ).kind,
    ).toBe('authorized');
    expect(classify(reg({ reason: 'transport_disruption', notice: phone('student') }), ctx()).ruleId).toBe(
      'transport.disruption_no_proof',
    );
  });

  it('lets an explicit decision of the front office or coach override every rule', () => {
    const r = classify(reg({ reason: 'optician', decision: 'authorized' }), ctx());
    expect(r).toMatchObject({ kind: 'authorized', ruleId: 'decision.authorized', minutesMissed: 90 });
    const s = classify(reg({ reason: 'sick', notice: phone('parent'), decision: 'unauthorized' }), ctx());
    expect(s).toMatchObject({ kind: 'unauthorized', ruleId: 'decision.unauthorized', sick: true });
  });
});

describe('Bijlage 1 – Extreme weersomstandigheden', () => {
  it('authorizes severe weather only on a date with a portal notice', () => {
    const c = ctx(minor, { severeWeatherDates: new Set(['2026-12-02']) });
    expect(classify(reg({ date: '2026-12-02', reason: 'severe_weather' }), c).ruleId).toBe(
      'weather.portal_notice',
    );
    expect(classify(reg({ date: '2026-12-03', reason: 'severe_weather' }), c)).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'weather.no_portal_notice',
    });
  });
});

describe('Rule texts', () => {
  it('explains every rule in Dutch and English', () => {
    for (const id of Object.keys(RULES)) {
      expect(ruleText(id, 'nl')).not.toBe(id);
      expect(ruleText(id, 'en')).not.toBe(ruleText(id, 'nl'));
    }
  });

  it('explains the rule a classification names', () => {
    const { ruleId } = classify(reg({ reason: 'optician' }), ctx());
    expect(ruleText(ruleId, 'en')).toMatch(/optician/i);
    expect(ruleText(ruleId, 'nl')).toMatch(/opticien/i);
  });
});

describe('H3 – Schorsing en bijzonder verlof: counting the stretch', () => {
  it('counts school days of a suspension across a weekend and the autumn holiday', () => {
    const dates = new Set(['2026-10-14', '2026-10-15', '2026-10-16', '2026-10-26', '2026-10-27']);
    expect(dayOfStretch(defaultCalendar, dates, '2026-10-14')).toBe(1);
    expect(dayOfStretch(defaultCalendar, dates, '2026-10-26')).toBe(4);
    expect(dayOfStretch(defaultCalendar, dates, '2026-10-28')).toBe(6);
    const sixth = classify(
      reg({ date: '2026-10-28', reason: 'suspension' }),
      ctx(minor, { suspensionDay: dayOfStretch(defaultCalendar, dates, '2026-10-28') }),
    );
    expect(sixth).toMatchObject({ kind: 'authorized', ruleId: 'suspension.beyond_5_days' });
  });

  it('starts again after a school day without the reason', () => {
    const dates = new Set(['2026-11-02', '2026-11-04']);
    expect(dayOfStretch(defaultCalendar, dates, '2026-11-05')).toBe(2);
  });
});
