import type { ObjectStore } from '../../archive/object-store';
import type { Store } from '../../store/client';
import { getStaffAccount } from '../../store/staff-accounts';
import { bindSignIn, getBoundStaffId } from '../../store/staff-sign-in';
import { DEFAULT_RETENTION_YEARS } from '../config';
import type { ApiData } from '../ports';
import type { AdminWrites } from '../store/admin-writes';
import type { ApiWrites } from '../store/writes';
import { accessExport } from './access-export';
import { adminPage } from './admin';
import { auditRead, studentReads } from './audit';
import { coachStudents, openReportGroups } from './coach';
import {
  findStaffByEmail,
  getStaff,
  getStudent,
  listOrgUnits,
  listStaff,
  listStudentsOfCoach,
} from './directory';
import { kpiPage } from './kpi';
import { getLetter, letterList, lettersOfTask } from './letters';
import { luxuryHints } from './luxury-hints';
import { getOutflowCaseOwner, listOutflowCases } from './outflow';
import { overview } from './overviews';
import { getReport, listOpenReports, listUnitOpenReports } from './reports';
import { studentPage } from './student';
import { taskDetail } from './task';
import { allTasks, getTask, listTasks } from './worklist';

/** What the API reads: everything in `ApiData` but the commands. */
export type ApiReads = Omit<ApiData, keyof ApiWrites | keyof AdminWrites>;

/** The read side over the store: one query module per page, bound to the store here. */
export function storeReads(
  store: Store,
  /** RETENTION_YEARS, for the audit entries of reads. */
  retentionYears: number = DEFAULT_RETENTION_YEARS,
  /** The lesson archive: the access export reads archived years' lessons back from it. */
  objects?: ObjectStore,
): ApiReads {
  return {
    findStaffByEmail: (email) => findStaffByEmail(store, email),
    getStaff: (staffId) => getStaff(store, staffId),
    boundStaffId: async (signIn) => (await getBoundStaffId(store, signIn)) ?? null,
    bindSignIn: (signIn, staffId) => bindSignIn(store, signIn, staffId),
    signInEnabled: async (staffId) => (await getStaffAccount(store, staffId))?.enabled ?? true,
    listStaff: () => listStaff(store),
    listOrgUnits: () => listOrgUnits(store),
    getStudent: (studentId) => getStudent(store, studentId),
    listStudentsOfCoach: (coachId) => listStudentsOfCoach(store, coachId),
    listOpenReports: (filter, cursor, limit, now) => listOpenReports(store, filter, cursor, limit, now),
    openReportGroups: (filter, now) => openReportGroups(store, filter, now),
    coachStudents: (coachId, now) => coachStudents(store, coachId, now),
    listUnitOpenReports: (teamIds, cursor, limit, now) =>
      listUnitOpenReports(store, teamIds, cursor, limit, now),
    getReport: (reportId, now) => getReport(store, reportId, now),
    getTask: (taskId, now) => getTask(store, taskId, now),
    listTasks: (filter, cursor, limit, now) => listTasks(store, filter, cursor, limit, now),
    allTasks: (filter, now) => allTasks(store, filter, now),
    listOutflowCases: (coachId) => listOutflowCases(store, coachId),
    getOutflowCase: (caseId) => getOutflowCaseOwner(store, caseId),
    luxuryHints: (now) => luxuryHints(store, now),
    taskDetail: (taskId, now) => taskDetail(store, taskId, now, lettersOfTask),
    letters: (from, to) => letterList(store, from, to),
    getLetter: (letterId) => getLetter(store, letterId),
    kpi: (now) => kpiPage(store, now),
    studentPage: (student, now) => studentPage(store, student, now),
    overview: (kind, filter, cursor, limit, now) => overview(store, kind, filter, cursor, limit, now),
    admin: (now) => adminPage(store, now),
    audit: (entry) => auditRead(store, entry, retentionYears),
    studentReads: (studentId) => studentReads(store, studentId),
    accessExport: (studentId, now, exportedBy) => accessExport(store, studentId, now, exportedBy, objects),
  };
}
