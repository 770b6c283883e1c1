/**
 * A letter a case produced (the 4-week report's invitation to a conversation): generated once,
 * stored whole and never changed, archived for the auditor ("gearchiveerd t.b.v. de
 * accountantscontrole", policy appendix 4 §2). It leaves with the student's data.
 */
export interface Letter {
  letterId: string;
  kind: 'invitation';
  taskId: string;
  studentId: string;
  studentName: string;
  createdOn: string;
  /** Staff id of who had it generated. */
  by: string;
  subject: string;
  html: string;
}

/** One letter per step completion: the step's position in the case makes the id (a retry writes it once). */
export const letterIdFor = (taskId: string, stepIndex: number, kind: Letter['kind']): string =>
  `${taskId}.${kind}.${stepIndex}`;
