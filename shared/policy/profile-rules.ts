/**
 * Which values of a norm profile an administrator may change, and within which bounds. The
 * Leerplichtwet fixes the legal profile's report (16 hours in 4 school weeks), its 4-week rule
 * and DUO's counting (one report per 7 days): those are the law, not the school's choice, so
 * they are never editable. The school's own thresholds (the 8-hour signal, sickness, frequent
 * absence, the coach's term) are; so is the whole hour norm of an internal (Route-X) profile.
 */
import { type Lang, translate } from '../i18n';
import type { NormProfile } from './profiles';

export type EditableField =
  | 'signalMinutes'
  | 'reportMinutes'
  | 'windowWeeks'
  | 'reportDueWorkingDays'
  | 'sickRepeatedCount'
  | 'sickRepeatedWindowWeeks'
  | 'sickLongDays'
  | 'frequentCount'
  | 'frequentWindowWeeks';

/** DUO's term for a report is 5 working days; the coach's own term must leave the officer time. */
export const DUO_TERM_WORKING_DAYS = 5;

/** Bounds per field: whole numbers from `min` to `max`. */
export const FIELD_BOUNDS: Record<EditableField, { min: number; max: number }> = {
  signalMinutes: { min: 1, max: 960 },
  reportMinutes: { min: 1, max: 960 },
  windowWeeks: { min: 1, max: 12 },
  reportDueWorkingDays: { min: 1, max: DUO_TERM_WORKING_DAYS - 1 },
  sickRepeatedCount: { min: 2, max: 20 },
  sickRepeatedWindowWeeks: { min: 1, max: 40 },
  sickLongDays: { min: 1, max: 60 },
  frequentCount: { min: 2, max: 20 },
  frequentWindowWeeks: { min: 1, max: 40 },
};

/** Fields set by the law for a profile with the legal rules. */
const LEGAL_FIXED: ReadonlySet<EditableField> = new Set(['reportMinutes', 'windowWeeks']);

/** The fields of `profile` an administrator may change. */
export function editableFields(profile: Pick<NormProfile, 'legalRules'>): EditableField[] {
  return (Object.keys(FIELD_BOUNDS) as EditableField[]).filter(
    (f) => !(profile.legalRules && LEGAL_FIXED.has(f)),
  );
}

export type ProfileProblem =
  | { code: 'notPositive'; field: EditableField; value: number }
  | { code: 'outOfBounds'; field: EditableField; value: number; min: number; max: number }
  | { code: 'signalNotBelowReport'; field: 'signalMinutes'; value: number; report: number }
  | { code: 'notEditable'; field: string; value: number };

/**
 * The problems of changing `current` to `next` (the same profile with some fields changed):
 * a field the law fixes changed, a value not a positive whole number or out of its bounds, an
 * 8-hour signal not below the report.
 */
export function validateProfileChange(current: NormProfile, next: NormProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const editable = new Set<string>(editableFields(current));
  for (const key of Object.keys(current) as (keyof NormProfile)[]) {
    if (editable.has(key)) continue;
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key]))
      problems.push({ code: 'notEditable', field: key, value: Number(next[key]) });
  }
  for (const field of editableFields(current)) {
    const value = next[field];
    const { min, max } = FIELD_BOUNDS[field];
    if (!Number.isInteger(value) || value <= 0) problems.push({ code: 'notPositive', field, value });
    else if (value < min || value > max) problems.push({ code: 'outOfBounds', field, value, min, max });
  }
  if (next.signalMinutes >= next.reportMinutes)
    problems.push({
      code: 'signalNotBelowReport',
      field: 'signalMinutes',
      value: next.signalMinutes,
      report: next.reportMinutes,
    });
  return problems;
}

const fieldLabel = (lang: Lang, field: string): string =>
  field in FIELD_BOUNDS ? translate(lang, `admin.profile.field.${field as EditableField}`) : field;

/** The problem in words (Dutch first). */
export function profileProblemText(lang: Lang, p: ProfileProblem): string {
  const field = fieldLabel(lang, p.field);
  switch (p.code) {
    case 'notPositive':
      return translate(lang, 'profileProblem.notPositive', { field, value: p.value });
    case 'outOfBounds':
      return translate(lang, 'profileProblem.outOfBounds', { field, value: p.value, min: p.min, max: p.max });
    case 'signalNotBelowReport':
      return translate(lang, 'profileProblem.signalNotBelowReport', { value: p.value, report: p.report });
    case 'notEditable':
      return translate(lang, 'profileProblem.notEditable', {
        field,
        why: translate(lang, 'admin.profile.fixedLegal'),
      });
  }
}
