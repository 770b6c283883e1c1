/** An outflow case: a student who left early, for the coach (and the outflow counsellor) to follow up. */
export interface OutflowCase {
  caseId: string;
  studentId: string;
  studentName: string;
  teamId: string;
  coachId: string;
  leftOn: string;
  /** Entree and level 2 also involve the outflow counsellor. */
  involveCounsellor: boolean;
  status: 'open' | 'done';
  createdOn: string;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. */
  expiresAt?: number;
}
