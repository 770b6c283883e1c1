/**
 * What the law makes of a 16-hour report, before the coach chooses (README "Legal status"):
 * a report to DUO for the LPA or the RMC, no legal report, or (Route-X) the school's own norm,
 * which never goes to DUO. Counted on the report's last day: the day the 16th hour was reached.
 */
import { ageOn, type LegalStatus, legalStatus } from './age';
import type { IsoDate, StudentFacts } from './types';

export type LegalOutcome = 'lpa' | 'rmc' | 'none' | 'route_x';

export interface LegalConsequence {
  outcome: LegalOutcome;
  status: LegalStatus;
  /** Whole years on the report's date (the reason a report goes to the RMC or nowhere). */
  age: number;
  startQualification: boolean;
}

export function legalConsequence(
  student: Pick<StudentFacts, 'birthDate' | 'startQualification'>,
  report: { routeX: boolean; to: IsoDate },
): LegalConsequence {
  const { status, duoRecipient } = legalStatus(student, report.to);
  const outcome: LegalOutcome = report.routeX
    ? 'route_x'
    : duoRecipient === 'LPA'
      ? 'lpa'
      : duoRecipient === 'RMC'
        ? 'rmc'
        : 'none';
  return {
    outcome,
    status,
    age: ageOn(student.birthDate, report.to),
    startQualification: student.startQualification,
  };
}
