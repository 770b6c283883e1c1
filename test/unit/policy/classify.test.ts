import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import {
  type ClassifyContext,
  classify,
  dayOfStretch,
  type Notice,
  type RegistrationFacts,
  RULES,
  ruleText,
} from '../../../shared/policy';

const adult = '2000-01-10'; // 26 on the dates below
const minor = '2010-06-01'; // 16

function reg(overrides: Partial<RegistrationFacts> = {}): RegistrationFacts {
  return {
    registrationId: 'r-1',
    revision: 0,
    studentId: 'stu-1',
    date: '2026-11-10',
    start: '09:00',
    end: '10:30',
    status: 'absent',
    ...overrides,
  };
}

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

  it('authorizes suspension up to and including the 5th school day, not the 6th', () => {
    expect(classify(reg({ reason: 'suspension' }), ctx(minor, { suspensionDay: 5 })).kind).toBe('authorized');
    expect(classify(reg({ reason: 'suspension' }), ctx(minor, { suspensionDay: 6 }))).toMatchObject({
      kind: 'unauthorized',
      ruleId: 'suspension.beyond_5_days',
    });
    expect(classify(reg({ reason: 'suspension' }), ctx()).kind).toBe('authorized');
  });

  it('authorizes special leave only with the education manager, and under 10 school days', () => {
    const manager = phone('student', { approvedBy: 'manager' });
    const coach = phone('student', { approvedBy: 'coach' });
    expect(
      classify(reg({ reason: 'special_leave', notice: manager }), ctx(minor, { specialLeaveDay: 9 })).ruleId,
    ).toBe('special_leave.manager');
    expect(
      classify(reg({ reason: 'wedding_or_funeral', notice: manager }), ctx(minor, { specialLeaveDay: 10 }))
        .ruleId,
    ).toBe('special_leave.too_long');
    expect(classify(reg({ reason: 'special_leave', notice: coach }), ctx()).ruleId).toBe(
      'special_leave.not_approved',
    );
    expect(classify(reg({ reason: 'wedding_or_funeral' }), ctx()).kind).toBe('unauthorized');
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
      'appointment.not_reported',
    );
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
    expect(sixth.ruleId).toBe('suspension.beyond_5_days');
  });

  it('starts again after a school day without the reason', () => {
    const dates = new Set(['2026-11-02', '2026-11-04']);
    expect(dayOfStretch(defaultCalendar, dates, '2026-11-05')).toBe(2);
  });
});
