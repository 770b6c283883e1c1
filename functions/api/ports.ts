import type { AccessExport } from '../../shared/api/access-export';
import type { AdminPage, PostNoticeBody, SaveCalendarBody, SaveProfileBody } from '../../shared/api/admin';
import type { StudentRead } from '../../shared/api/audit';
import type { CoachStudentRow } from '../../shared/api/coach';
import type { ImportBatchBody, ImportBatchResult } from '../../shared/api/import';
import type { KpiPage } from '../../shared/api/kpi';
import type { LuxuryHints } from '../../shared/api/luxury';
import type { OutflowCaseView, OutflowStep } from '../../shared/api/outflow';
import type { OverviewKind, OverviewRow } from '../../shared/api/overviews';
import type {
  CoachCount,
  CoachReminder,
  DuoReportType,
  ReferralCategory,
  ReportAction,
  ReportDetail,
  ReportSummary,
  StudentReportGroup,
} from '../../shared/api/reports';
import type { StudentPage } from '../../shared/api/student';
import type { Letter, LetterRef, TaskDetail } from '../../shared/api/tasks';
import type { DuoStatus, Task, TaskKind, TaskStatus } from '../../shared/api/worklist';
import type { Role } from '../auth/principal';
import type { SeenStudents } from '../domain/audit';

/**
 * What the API needs from the store and the use cases, in the API's own terms. The routes
 * depend only on this; `queries/` implements the reads over the repositories (one module per
 * page), `store/writes.ts` the commands through the report use cases (functions/usecases/reports),
 * and `store/api-data.ts` puts the two together.
 */
export interface StaffRecord {
  staffId: string;
  name: string;
  email: string;
  roles: Role[];
  orgUnitIds: string[];
}

export interface OrgUnitRecord {
  orgUnitId: string;
  name: string;
  kind: 'institution' | 'department' | 'team';
  parentId: string | null;
}

export interface StudentRecord {
  studentId: string;
  displayName: string;
  teamId: string;
  coachId: string;
  level: string;
  pathway: string;
  routeX: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReportFilter {
  coachId?: string;
  teamIds?: string[];
}

export interface AuditEntry {
  at: string;
  staffId: string;
  /** `refused`: a request outside the caller's role or scope (subject: route and target). */
  action: 'read' | 'write' | 'refused';
  subject: string;
  /** A read of one student's data (their page, a report). */
  studentId?: string;
  /** A read of a list or an export: the unit, the period and the students it showed. */
  seen?: SeenStudents;
}

export interface OverviewFilter {
  teamIds: string[] | 'all';
  from?: string;
  to?: string;
}

/** The worklist's filter, resolved by the route: kinds the reader may see, teams of a unit, an owner. */
export interface WorklistFilter {
  kinds: readonly TaskKind[];
  /** The teams of the unit asked for (a team, or a department's teams); absent: every team. */
  teamIds?: ReadonlySet<string>;
  /** A staff id, `null` for tasks nobody owns; absent: anyone's. */
  owner?: string | null;
}

export interface Actor {
  staffId: string;
  name: string;
  email: string;
}

export interface ApiData {
  findStaffByEmail(email: string): Promise<StaffRecord | null>;
  getStaff(staffId: string): Promise<StaffRecord | null>;
  /** The staff member a sign-in identity is bound to (functions/api/sign-in.ts), or null. */
  boundStaffId(signIn: string): Promise<string | null>;
  /** Binds a sign-in identity to a staff member, once; a second binding is a named error. */
  bindSignIn(signIn: string, staffId: string): Promise<void>;
  /** False when provisioning disabled the staff member's account (AP 51); true otherwise. */
  signInEnabled(staffId: string): Promise<boolean>;
  listStaff(): Promise<StaffRecord[]>;
  listOrgUnits(): Promise<OrgUnitRecord[]>;
  getStudent(studentId: string): Promise<StudentRecord | null>;
  listStudentsOfCoach(coachId: string): Promise<StudentRecord[]>;

  /** Open (not yet handled) 16-hour reports, oldest first. */
  listOpenReports(
    filter: ReportFilter,
    cursor: string | null,
    limit: number,
    now: Date,
  ): Promise<Page<ReportSummary>>;
  /** Every open report of the filter, grouped by student, students with overdue reports first. */
  openReportGroups(filter: ReportFilter, now: Date): Promise<StudentReportGroup[]>;
  /** "Mijn studenten": each own student's count of the 16-hour window, marks and last signal. */
  coachStudents(coachId: string, now: Date): Promise<CoachStudentRow[]>;
  /** Every open report of these teams, overdue first, with coach names and counts per coach. */
  listUnitOpenReports(
    teamIds: readonly string[],
    cursor: string | null,
    limit: number,
    now: Date,
  ): Promise<Page<ReportSummary> & { coaches: CoachCount[] }>;
  getReport(reportId: string, now: Date): Promise<ReportDetail | null>;
  /** Mails a coach a reminder of the open reports in these teams; once per coach per day. */
  remindCoach(input: {
    unitId: string;
    unitName: string;
    teamIds: readonly string[];
    coachId: string;
    actor: Actor;
    now: Date;
  }): Promise<CoachReminder>;
  applyReportAction(input: {
    reportId: string;
    action: ReportAction;
    explanation: string;
    actor: Actor;
    now: Date;
  }): Promise<void>;
  completeConversation(input: { reportId: string; outcome: string; actor: Actor; now: Date }): Promise<void>;
  createReferral(input: {
    studentId: string;
    category: ReferralCategory;
    explanation: string;
    duoType?: DuoReportType;
    actor: Actor;
    now: Date;
  }): Promise<{ taskId: string }>;

  getTask(taskId: string, now?: Date): Promise<Task | null>;
  listTasks(filter: WorklistFilter, cursor: string | null, limit: number, now: Date): Promise<Page<Task>>;
  /** The whole filtered worklist in the same order, for its CSV. */
  allTasks(filter: WorklistFilter, now: Date): Promise<Task[]>;
  /** Take a task, give it to a colleague of its role, or give it back (`ownerId` null). */
  assignTask(input: { taskId: string; ownerId: string | null; actor: Actor; now: Date }): Promise<void>;
  updateTaskStatus(input: {
    taskId: string;
    status: TaskStatus;
    note?: string;
    actor: Actor;
    now: Date;
  }): Promise<void>;
  recordDuoStatus(input: {
    taskId: string;
    status: DuoStatus;
    reason?: string;
    actor: Actor;
    now: Date;
  }): Promise<void>;
  /** A task with its student, report, the steps of its case, attendance while followed and letters. */
  taskDetail(taskId: string, now: Date): Promise<TaskDetail | null>;
  /** The letters cases made from `from` to `to` (the auditor's archive), oldest first. */
  letters(from: string, to: string): Promise<LetterRef[]>;
  getLetter(letterId: string): Promise<Letter | null>;
  /** Completes the current step of a task's case (named errors: functions/domain/errors.ts). */
  completeStep(input: {
    taskId: string;
    step: string;
    outcome: string;
    date?: string;
    note?: string;
    actor: Actor;
    now: Date;
  }): Promise<void>;
  /** Confirms (or corrects) the end date DUO asks of a report once the student is back or has left. */
  confirmDuoEndDate(input: { taskId: string; date: string; actor: Actor; now: Date }): Promise<void>;
  /** `reporter`: the attendance officer exporting, named in the file as DUO's contact. */
  exportDuoCsv(
    now: Date,
    reporter?: { name: string; email: string },
  ): Promise<{ csv: string; studentIds: string[] }>;

  /** The coach's outflow cases, open first. */
  listOutflowCases(coachId: string): Promise<OutflowCaseView[]>;
  getOutflowCase(caseId: string): Promise<{ caseId: string; coachId: string; studentId: string } | null>;
  /** Ticks a step; `rmc_reported` makes the RMC report (a DUO task of type rmc). */
  markOutflowStep(input: {
    caseId: string;
    step: OutflowStep;
    note?: string;
    actor: Actor;
    now: Date;
  }): Promise<void>;
  createLuxuryReport(input: {
    studentId: string;
    from: string;
    to: string;
    days: number;
    note: string;
    actor: Actor;
    now: Date;
  }): Promise<{ taskId: string }>;
  /** Unauthorized absence next to a holiday in the last weeks (the worklist's hints). */
  luxuryHints(now: Date): Promise<LuxuryHints>;

  kpi(now: Date): Promise<KpiPage>;
  studentPage(student: StudentRecord, now: Date): Promise<StudentPage>;
  overview(
    kind: OverviewKind,
    filter: OverviewFilter,
    cursor: string | null,
    limit: number,
    now: Date,
  ): Promise<Page<OverviewRow>>;
  /** The administration page; `now` decides how much school calendar is left. */
  admin(now: Date): Promise<AdminPage>;
  /** The administrator's edits (functions/usecases/admin), each audited with before and after. */
  postNotice(input: { post: PostNoticeBody; by: string; now: Date }): Promise<{ dates: string[] }>;
  withdrawNotice(input: { date: string; kind: string; by: string; now: Date }): Promise<void>;
  saveCalendar(input: { body: SaveCalendarBody; by: string; now: Date }): Promise<{ version: number }>;
  saveNormProfile(input: {
    profileId: string;
    body: SaveProfileBody;
    by: string;
    now: Date;
  }): Promise<{ version: number }>;

  audit(entry: AuditEntry): Promise<void>;
  /** Every read of the student's data on their audit trail, newest first. */
  studentReads(studentId: string): Promise<StudentRead[]>;
  /** Everything held about one student (AVG art. 15), made now by `exportedBy`. */
  accessExport(
    studentId: string,
    now: Date,
    exportedBy: { staffId: string; name: string },
  ): Promise<AccessExport>;
}

/**
 * The administrator's import (#16): one batch of the file's rows with the mapping chosen,
 * checked (`dryRun`: nothing stored) or ingested through the webhook's ingestion use case
 * (functions/usecases/import). Apart from `ApiData`: its writes are the ingestion's, not a page's.
 */
export interface ImportPort {
  importBatch(input: {
    mode: 'dryRun' | 'run';
    batch: ImportBatchBody;
    actor: Actor;
    now: Date;
  }): Promise<ImportBatchResult>;
}
