/**
 * Classification of one registration (policy chapters 3 and 4, appendix 1): authorized or
 * unauthorized, how many minutes, and the id of the rule that decided. Hot path (every incoming
 * registration, and the 1M/s benchmark): no Date objects, no allocation beyond the result.
 */
import { lessonLength, minutesMissed } from './minutes';
import type { RuleId } from './rules';
import type { AbsenceKind, Classification, IsoDate, Notice, Reason, RegistrationFacts } from './types';

export interface ClassifyContext {
  birthDate: IsoDate;
  /** Dates on which the school posted a severe-weather notice on its portal. */
  severeWeatherDates: ReadonlySet<IsoDate>;
  /**
   * For `suspension`: which school day of the suspension this registration falls on (1-based).
   * The caller counts it from the student's earlier registrations; absent means "within limits".
   */
  suspensionDay?: number;
  /**
   * For `special_leave` / `wedding_or_funeral`: how many granted special-leave days the student
   * has in this school year up to and including this one (1-based). Absent means "within limits".
   */
  specialLeaveDayOfYear?: number;
}

/** Policy ch. 3: "Schorsing (maximaal 5 schooldagen)". */
export const MAX_SUSPENSION_DAYS = 5;
/** Leerplichtwet art. 14: the school grants at most 10 school days of special leave a school year. */
export const MAX_SPECIAL_LEAVE_DAYS = 10;

/**
 * Appendix 1, "Afwezigheid": every absence for another reason than sickness "dien je altijd door
 * te geven bij Front Office". These are the reasons whose verdict depends on that report; one
 * nobody reported is unauthorized before any reason-specific rule is asked. Left out: sickness
 * (its own phone rules), the optician and ordinary lateness (never authorized, whoever
 * reports), severe weather (the school's portal notice decides), a day off and special leave
 * (the coach's or manager's permission is the request).
 */
const MUST_BE_REPORTED: Readonly<Partial<Record<Reason, true>>> = {
  medical_appointment: true,
  leave: true,
  authority_appointment: true,
  driving_exam: true,
  driving_lesson: true,
  internship_activity: true,
  transport_disruption: true,
  wedding_or_funeral: true,
};

const reported = (notice: Notice | undefined): boolean => notice !== undefined && notice.channel !== 'none';

/** Whole years from `birthDate` to `date`, both `YYYY-MM-DD`, compared as digits. */
function age(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: a flat decision table over appendix 1, read top to bottom; it runs per registration (target >= 1,000,000/s)
function verdict(reg: RegistrationFacts, ctx: ClassifyContext): { kind: AbsenceKind; rule: RuleId } {
  const reason: Reason = reg.reason ?? 'unknown';
  const notice: Notice | undefined = reg.notice;
  if (MUST_BE_REPORTED[reason] && !reported(notice)) {
    return { kind: 'unauthorized', rule: 'not_reported_in_advance' };
  }
  switch (reason) {
    case 'unknown':
      return { kind: 'unauthorized', rule: reg.status === 'absent' ? 'unexplained' : 'late.unexplained' };
    case 'truancy':
      return { kind: 'unauthorized', rule: 'truancy' };
    case 'day_off':
      return notice?.approvedBy
        ? { kind: 'authorized', rule: 'day_off.approved' }
        : { kind: 'unauthorized', rule: 'day_off.without_permission' };
    case 'sick': {
      if (!notice || notice.channel === 'none' || notice.channel === 'desk') {
        return { kind: 'unauthorized', rule: 'sick.not_reported' };
      }
      if (notice.channel === 'email') return { kind: 'unauthorized', rule: 'sick.email' };
      if (notice.reportedBy !== 'parent' && age(ctx.birthDate, reg.date) < 18) {
        return { kind: 'unauthorized', rule: 'sick.minor_not_parent' };
      }
      return { kind: 'authorized', rule: 'sick.phone' };
    }
    case 'doubtful_sickness':
      return { kind: 'unauthorized', rule: 'sick.doubtful' };
    case 'long_term_illness':
      return { kind: 'authorized', rule: 'illness.long_term' };
    case 'pregnancy':
      return { kind: 'authorized', rule: 'pregnancy' };
    case 'medical_appointment':
    case 'leave':
    case 'authority_appointment':
      return appointment(notice, age(ctx.birthDate, reg.date));
    case 'wedding_or_funeral':
      // Appendix 1, "Bruiloft/Begrafenis": a copy of the invitation or the funeral card.
      if (!notice?.proof) return { kind: 'unauthorized', rule: 'wedding_or_funeral.no_proof' };
      return specialLeave(notice, ctx);
    case 'special_leave':
      return specialLeave(notice, ctx);
    case 'suspension':
      // Ch. 3: suspension is authorized and never reported. Beyond 5 school days the data is
      // wrong or the suspension is; either way it is the attendance officer's to check (a
      // task from the nightly run), never truancy.
      return (ctx.suspensionDay ?? 1) > MAX_SUSPENSION_DAYS
        ? { kind: 'authorized', rule: 'suspension.beyond_5_days' }
        : { kind: 'authorized', rule: 'suspension' };
    case 'driving_exam':
      // "Altijd de oproep van het CBR": the exam's own rule asks the invitation at any age.
      return notice?.proof
        ? { kind: 'authorized', rule: 'driving.exam' }
        : { kind: 'unauthorized', rule: 'driving.exam_no_invitation' };
    case 'driving_lesson':
      return notice?.beforeExam
        ? { kind: 'authorized', rule: 'driving.lesson_before_exam' }
        : { kind: 'unauthorized', rule: 'driving.lesson' };
    case 'internship_activity':
      return notice?.channel === 'email'
        ? { kind: 'authorized', rule: 'internship.email' }
        : { kind: 'unauthorized', rule: 'internship.not_by_email' };
    case 'optician':
      return { kind: 'unauthorized', rule: 'optician' };
    case 'late_transport':
      return { kind: 'unauthorized', rule: 'late.transport' };
    case 'transport_disruption':
      return notice?.proof
        ? { kind: 'authorized', rule: 'transport.disruption_proof' }
        : { kind: 'unauthorized', rule: 'transport.disruption_no_proof' };
    case 'severe_weather':
      return ctx.severeWeatherDates.has(reg.date)
        ? { kind: 'authorized', rule: 'weather.portal_notice' }
        : { kind: 'unauthorized', rule: 'weather.no_portal_notice' };
    default:
      return { kind: 'unauthorized', rule: 'unexplained' };
  }
}

/** Ch. 3 and Lpw art. 14: the manager grants it, at most 10 school days in a school year. */
function specialLeave(notice: Notice | undefined, ctx: ClassifyContext): { kind: AbsenceKind; rule: RuleId } {
  if (notice?.approvedBy !== 'manager') return { kind: 'unauthorized', rule: 'special_leave.not_approved' };
  if ((ctx.specialLeaveDayOfYear ?? 1) > MAX_SPECIAL_LEAVE_DAYS) {
    return { kind: 'unauthorized', rule: 'special_leave.too_long' };
  }
  return { kind: 'authorized', rule: 'special_leave.manager' };
}

/** Appendix 1, "Leveren van bewijs": proof under 23, or a parent's call, or the coach's permission. */
function appointment(notice: Notice | undefined, years: number): { kind: AbsenceKind; rule: RuleId } {
  if (!notice) return { kind: 'unauthorized', rule: 'not_reported_in_advance' };
  if (years >= 23) return { kind: 'authorized', rule: 'appointment.no_proof_needed_23' };
  if (notice.proof) return { kind: 'authorized', rule: 'appointment.proof' };
  if (notice.reportedBy === 'parent' && notice.channel === 'phone') {
    return { kind: 'authorized', rule: 'appointment.parent_called' };
  }
  if (notice.approvedBy) return { kind: 'authorized', rule: 'appointment.coach_permission' };
  return { kind: 'unauthorized', rule: 'appointment.no_proof' };
}

export function classify(reg: RegistrationFacts, ctx: ClassifyContext): Classification {
  const lessonMinutes = lessonLength(reg.start, reg.end);
  const sick = reg.reason === 'sick' || reg.reason === 'doubtful_sickness';
  if (reg.status === 'present') {
    return { kind: 'present', minutesMissed: 0, lessonMinutes, ruleId: 'present', sick: false };
  }
  const missed = minutesMissed(reg.status, lessonMinutes, reg.minutesMissed);
  if (reg.decision) {
    return {
      kind: reg.decision,
      minutesMissed: missed,
      lessonMinutes,
      ruleId: `decision.${reg.decision}`,
      sick,
    };
  }
  const { kind, rule } = verdict(reg, ctx);
  return { kind, minutesMissed: missed, lessonMinutes, ruleId: rule, sick };
}
