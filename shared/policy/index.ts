/** The attendance policy as pure functions. No AWS, no clock, no I/O: the date is a parameter. */

export { ageOn, type DuoRecipient, endOfLeerplicht, type LegalStatus, legalStatus } from './age';
export { type ClassifyContext, classify, MAX_SPECIAL_LEAVE_DAYS, MAX_SUSPENSION_DAYS } from './classify';
export { dayOfSchoolYear, dayOfStretch, schoolYearOf } from './consecutive-days';
export { DUO_REPORT_WORKING_DAYS, duoDeadline, isOverdue, reminderDay, remindsOn } from './duo-deadlines';
export {
  computeKpi,
  KPI_SCHOOL_DAYS,
  type KpiColour,
  type KpiCounts,
  type KpiFigures,
  type KpiReport,
  type KpiUnit,
  kpiColour,
  kpiWindow,
  routeXCounts,
} from './kpi';
export {
  type AbsenceDay,
  type HolidayEdge,
  holidayEdges,
  type LuxuryHint,
  luxuryAbsenceHints,
} from './luxury-hints';
export { lessonLength, minutesMissed, minutesOfDay } from './minutes';
export {
  type CurrentCount,
  currentCount,
  NEAR_REPORT_MINUTES,
  NEAR_SIGNAL_MINUTES,
  type NearMark,
  nearMarks,
} from './near-thresholds';
export {
  involvesOutflowCounsellor,
  isEarlySchoolLeaver,
  type Leaver,
  leavesWithStartQualification,
} from './outflow';
export {
  type DatedMinutes,
  type DayMinutes,
  type PresenceMinutes,
  type PresenceWindow,
  presenceByWeek,
  presencePercentage,
  presenceTotals,
  presenceWindow,
  presentMinutes,
  type WeekPresence,
} from './presence';
export * from './profile-rules';
export { NORM_PROFILES, type NormProfile, type NormProfiles, profileFor } from './profiles';
export { isRuleId, RULES, type Rule, type RuleId, ruleText } from './rules';
export { type EvaluateInput, type EvaluateResult, evaluateStudent } from './signals/evaluate';
export { reportStillStands } from './signals/still-stands';
export * from './signals/types';
export { summarizeDay } from './summarize';
export * from './types';
