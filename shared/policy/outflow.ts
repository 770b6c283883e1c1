/**
 * Outflow (policy ch. 6 and appendix 4, "uitstroom"): who the coach involves when a student
 * leaves, and whether the student leaves early (WEB art. 8.1.8a: the RMC is to be told). Pure.
 */
import { ageOn } from './age';
import type { IsoDate } from './types';

export interface Leaver {
  birthDate: IsoDate;
  level: string;
  /** A starting qualification held on enrolment (havo, vwo, or an MBO diploma of level 2 or up). */
  startQualification: boolean;
  /** The diploma of this course, from `student.left`. */
  diplomaObtained?: boolean;
}

/** Entree and level 2: the outflow counsellor is involved beside student services (STS-B). */
export const involvesOutflowCounsellor = (level: string): boolean => level === 'entree' || level === '2';

/** An Entree diploma is no starting qualification; a diploma of level 2, 3 or 4 is. */
export const leavesWithStartQualification = (leaver: Leaver): boolean =>
  leaver.startQualification || (leaver.diplomaObtained === true && leaver.level !== 'entree');

/** Under 23 on the day of leaving and without a starting qualification: an early school leaver, reported to the RMC. */
export const isEarlySchoolLeaver = (leaver: Leaver, leftOn: IsoDate): boolean =>
  !leavesWithStartQualification(leaver) && ageOn(leaver.birthDate, leftOn) < 23;
