/**
 * Every classification names the rule that decided it: the coach reads that rule's explanation
 * next to the registration, and the id is stored with it. One row per rule of chapters 3 and 4
 * and appendix 1, with the registration that leads to it.
 */
import { describe, expect, it } from 'vitest';
import {
  type AbsenceKind,
  type ClassifyContext,
  classify,
  type Notice,
  type Reason,
  type RegistrationFacts,
  type RuleId,
} from '../../../shared/policy';
import { registration } from './fixtures';

const minor = '2010-06-01'; // 16 on 10 Nov 2026
const adult = '2005-06-01'; // 21: over 18, under 23

function reg(reason: Reason | undefined, notice?: Notice, overrides: Partial<RegistrationFacts> = {}) {
  return registration({ ...(reason ? { reason } : {}), ...(notice ? { notice } : {}), ...overrides });
}

const ctx = (birthDate = minor, extra: Partial<ClassifyContext> = {}): ClassifyContext => ({
  birthDate,
  severeWeatherDates: new Set(['2026-11-10']),
  ...extra,
});

const notice = (
  channel: Notice['channel'],
  reportedBy: Notice['reportedBy'],
  more: Partial<Notice> = {},
) => ({
  channel,
  reportedBy,
  proof: false,
  ...more,
});

const cases: [string, RegistrationFacts, ClassifyContext, AbsenceKind, RuleId][] = [
  ['H4: truancy', reg('truancy'), ctx(), 'unauthorized', 'truancy'],
  ['H4: a day off without permission', reg('day_off'), ctx(), 'unauthorized', 'day_off.without_permission'],
  [
    'Ziekmelden: sickness mentioned at the desk is not a sick report',
    reg('sick', notice('desk', 'parent')),
    ctx(),
    'unauthorized',
    'sick.not_reported',
  ],
  [
    'Ziekmelden: a notice without a channel is not a sick report',
    reg('sick', notice('none', 'parent')),
    ctx(),
    'unauthorized',
    'sick.not_reported',
  ],
  ['Ziekmelden: nothing reported', reg('sick'), ctx(), 'unauthorized', 'sick.not_reported'],
  ['H3: long-term illness', reg('long_term_illness'), ctx(), 'authorized', 'illness.long_term'],
  ['H3: pregnancy', reg('pregnancy'), ctx(), 'authorized', 'pregnancy'],
  [
    'H3, Lpw art. 14: special leave on the 11th school day of the school year',
    reg('special_leave', notice('email', 'parent', { approvedBy: 'manager' })),
    ctx(minor, { specialLeaveDayOfYear: 11 }),
    'unauthorized',
    'special_leave.too_long',
  ],
  [
    'H3, Lpw art. 14: special leave granted by the education manager, on the 10th day of the year',
    reg('wedding_or_funeral', notice('email', 'parent', { approvedBy: 'manager', proof: true })),
    ctx(minor, { specialLeaveDayOfYear: 10 }),
    'authorized',
    'special_leave.manager',
  ],
  ['H3: suspension', reg('suspension'), ctx(minor, { suspensionDay: 5 }), 'authorized', 'suspension'],
  [
    'Rijexamen: the exam with the CBR invitation',
    reg('driving_exam', notice('phone', 'student', { proof: true })),
    ctx(),
    'authorized',
    'driving.exam',
  ],
  [
    'Rijexamen: an exam registered without any notice',
    reg('driving_exam'),
    ctx(),
    'unauthorized',
    'not_reported_in_advance',
  ],
  [
    'Rijexamen: the lesson right before the exam',
    reg('driving_lesson', notice('phone', 'student', { beforeExam: true })),
    ctx(),
    'authorized',
    'driving.lesson_before_exam',
  ],
  [
    'Rijexamen: a driving lesson registered without any notice',
    reg('driving_lesson'),
    ctx(),
    'unauthorized',
    'not_reported_in_advance',
  ],
  [
    'Rijexamen: any other driving lesson',
    reg('driving_lesson', notice('phone', 'student')),
    ctx(),
    'unauthorized',
    'driving.lesson',
  ],
  [
    'Stage: an internship activity reported by e-mail',
    reg('internship_activity', notice('email', 'employer')),
    ctx(),
    'authorized',
    'internship.email',
  ],
  [
    'Stage: an internship activity registered without any notice',
    reg('internship_activity'),
    ctx(),
    'unauthorized',
    'not_reported_in_advance',
  ],
  [
    'Te laat: a disruption with proof',
    reg('transport_disruption', notice('desk', 'student', { proof: true }), {
      status: 'late',
      minutesMissed: 20,
    }),
    ctx(),
    'authorized',
    'transport.disruption_proof',
  ],
  [
    'Te laat: a disruption registered without any notice',
    reg('transport_disruption', undefined, { status: 'late', minutesMissed: 20 }),
    ctx(),
    'unauthorized',
    'not_reported_in_advance',
  ],
  [
    'Weer: severe weather on a date with a portal notice',
    reg('severe_weather'),
    ctx(),
    'authorized',
    'weather.portal_notice',
  ],
  [
    'Bewijs: an appointment whose notice has no channel',
    reg('medical_appointment', notice('none', 'parent', { proof: true })),
    ctx(),
    'unauthorized',
    'not_reported_in_advance',
  ],
  [
    'Bewijs: an appointment with proof under 23',
    reg('medical_appointment', notice('desk', 'student', { proof: true })),
    ctx(adult),
    'authorized',
    'appointment.proof',
  ],
  [
    'Bewijs: a parent calling instead of proof',
    reg('leave', notice('phone', 'parent')),
    ctx(),
    'authorized',
    'appointment.parent_called',
  ],
  [
    'Bewijs: a student (21) calling about their own appointment is no proof',
    reg('medical_appointment', notice('phone', 'student')),
    ctx(adult),
    'unauthorized',
    'appointment.no_proof',
  ],
  [
    'Bewijs: a parent e-mailing instead of calling is no proof',
    reg('authority_appointment', notice('email', 'parent')),
    ctx(),
    'unauthorized',
    'appointment.no_proof',
  ],
  [
    'Bewijs: the coach’s permission instead of proof',
    reg('medical_appointment', notice('desk', 'student', { approvedBy: 'coach' })),
    ctx(adult),
    'authorized',
    'appointment.coach_permission',
  ],
];

describe('Presentiebeleid – the rule that decided', () => {
  it.each(cases)('%s', (_name, registration, context, kind, rule) => {
    expect(classify(registration, context)).toMatchObject({ kind, ruleId: rule });
  });

  it('treats a reason the policy does not know (sent by a newer presence system) as unexplained', () => {
    const fromTheFuture = reg('bike_repair' as Reason);
    expect(classify(fromTheFuture, ctx())).toMatchObject({ kind: 'unauthorized', ruleId: 'unexplained' });
  });
});

describe('Hoofdstuk 6 – only sickness counts towards the sickness patterns', () => {
  it('marks an absence reported as sickness or doubtful sickness, nothing else', () => {
    expect(classify(reg('sick', notice('phone', 'parent')), ctx()).sick).toBe(true);
    expect(classify(reg('doubtful_sickness'), ctx()).sick).toBe(true);
    expect(classify(reg('truancy'), ctx()).sick).toBe(false);
    expect(classify(reg('medical_appointment', notice('phone', 'parent')), ctx()).sick).toBe(false);
  });

  it('does not count a lesson attended after all as sickness, whatever reason was entered', () => {
    const cameAnyway = reg('sick', notice('phone', 'parent'), { status: 'present' });
    expect(classify(cameAnyway, ctx())).toMatchObject({ kind: 'present', sick: false, minutesMissed: 0 });
  });
});
