import { translate, translateOr } from '../../../shared/i18n';
import school from '../../../shared/policy/data/school.json';
import { type CsvColumn, excelNl, toCsv } from '../../csv';
import { duoDeadlineOf, duoFinished } from '../../domain/duo';
import type { Task } from '../../domain/task';
import type { Store } from '../../store/client';
import { listStaff } from '../../store/staff';
import { batchGetStudents } from '../../store/students';
import { listTasksByKind } from '../../store/tasks-repository';

/** DUO tasks not yet registered by DUO: what the attendance officer still has to submit. */
export async function duoTasksToSubmit(store: Store): Promise<Task[]> {
  return (await duoReports(store)).filter((t) => !t.duoRecord?.status);
}

/**
 * Every DUO report DUO has not finished with (closed or withdrawn): to submit, or registered and
 * still followed (its status, and the end date DUO asks once the student is back or has left).
 */
export async function duoReports(store: Store): Promise<Task[]> {
  const tasks = (
    await Promise.all(
      (['open', 'in_progress', 'done'] as const).map((s) => listTasksByKind(store, 'duo_report', s)),
    )
  ).flat();
  return tasks
    .filter((t) => t.duo && !duoFinished(t))
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.taskId.localeCompare(b.taskId));
}

/** The fields of the Besluit verzuimmelding, in Dutch, one row per report. */
const CSV_COLUMNS = [
  { key: 'brin', header: 'brin' },
  { key: 'school', header: 'school' },
  { key: 'taskId', header: 'kenmerk' },
  { key: 'educationNumber', header: 'onderwijsnummer_of_bsn' },
  { key: 'studentId', header: 'studentnummer' },
  { key: 'studentName', header: 'naam' },
  { key: 'birthDate', header: 'geboortedatum' },
  { key: 'address', header: 'adres' },
  { key: 'type', header: 'soort_melding' },
  { key: 'addressee', header: 'ontvanger' },
  { key: 'from', header: 'verzuim_vanaf' },
  { key: 'to', header: 'verzuim_tot_en_met' },
  { key: 'absentDays', header: 'verzuimde_dagen' },
  { key: 'absentHours', header: 'verzuimde_uren' },
  { key: 'allLessonsMissed', header: 'alle_lessen_verzuimd' },
  { key: 'suspectedReason', header: 'vermoedelijke_reden' },
  { key: 'actionTaken', header: 'ondernomen_acties' },
  { key: 'deadline', header: 'uiterste_melddatum' },
  { key: 'duoStatus', header: 'status_duo' },
  { key: 'closedReason', header: 'reden_afsluiting' },
  { key: 'endDate', header: 'einddatum' },
  { key: 'requestedBy', header: 'aangevraagd_door' },
  { key: 'reporterName', header: 'melder_naam' },
  { key: 'reporterRole', header: 'melder_functie' },
  { key: 'reporterEmail', header: 'melder_email' },
] as const satisfies readonly CsvColumn[];

/** The attendance officer who exports is the reporter DUO gets in touch with. */
export interface DuoReporter {
  name: string;
  email: string;
}

/** A date as Dutch Excel reads it: 25-11-2026. */
const dutchDate = (date: string | undefined): string =>
  date ? `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}` : '';

export async function exportDuoCsv(store: Store, reporter?: DuoReporter): Promise<string> {
  return (await exportDuo(store, reporter)).csv;
}

/**
 * The DUO export and the students in it (for the audit trail of who exported whom): `;` with a
 * UTF-8 BOM for Dutch Excel, Dutch values. A report the officer made for a coach names the coach
 * in `aangevraagd_door`; the education number is in the file only, never logged.
 */
export async function exportDuo(
  store: Store,
  reporter?: DuoReporter,
): Promise<{ csv: string; studentIds: string[] }> {
  const tasks = await duoReports(store);
  const studentIds = tasks.map((t) => (t.duo as NonNullable<Task['duo']>).studentId);
  const [students, staff] = await Promise.all([batchGetStudents(store, studentIds), listStaff(store)]);
  // Without an officer signed in (a script), the first attendance officer known.
  const officer = reporter ?? staff.find((s) => s.roles.includes('attendance_officer'));
  const rows = tasks.map((t) => {
    const d = t.duo as NonNullable<Task['duo']>;
    const student = students.get(d.studentId);
    const status = t.duoRecord?.status;
    const end = t.duoEndDate?.confirmedAt ? t.duoEndDate.date : undefined;
    return {
      brin: school.brin,
      school: school.name,
      taskId: t.taskId,
      educationNumber: student?.educationNumber ?? '',
      studentId: d.studentId,
      studentName: d.studentName,
      birthDate: dutchDate(student?.birthDate),
      // The presence system sends no address; DUO knows it by the education number or BSN.
      address: '',
      type: translate('nl', `duoType.${d.type}`),
      addressee: translate('nl', `duo.addressee.${d.addressee}`),
      from: dutchDate(d.from),
      to: dutchDate(d.to),
      absentDays: d.absentDays,
      absentHours: d.absentHours,
      allLessonsMissed: d.allLessonsMissed ? 'ja' : 'nee',
      suspectedReason: d.suspectedReason,
      actionTaken: d.actionTaken,
      deadline: dutchDate(t.dueDate ?? duoDeadlineOf(d)),
      duoStatus: translateOr('nl', `duo.${status ?? 'none'}`, status ?? ''),
      closedReason: t.duoRecord?.closedReason ?? '',
      endDate: dutchDate(end),
      requestedBy: d.reporter.role === 'coach' ? d.reporter.name : '',
      reporterName: officer?.name ?? '',
      reporterRole: translate('nl', 'duo.reporterRole'),
      reporterEmail: officer?.email ?? '',
    };
  });
  return { csv: toCsv(CSV_COLUMNS, rows, excelNl), studentIds };
}
