import { type CsvColumn, toCsv } from '../../csv';
import type { Task } from '../../domain/task';
import type { Store } from '../../store/client';
import { listTasksByKind } from '../../store/tasks-repository';

/** DUO tasks not yet registered by DUO: what the attendance officer still has to submit. */
export async function duoTasksToSubmit(store: Store): Promise<Task[]> {
  const tasks = (
    await Promise.all((['open', 'in_progress'] as const).map((s) => listTasksByKind(store, 'duo_report', s)))
  ).flat();
  return tasks
    .filter((t) => t.duo && !t.duoRecord?.status)
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.taskId.localeCompare(b.taskId));
}

const CSV_COLUMNS = [
  { key: 'taskId', header: 'taak' },
  { key: 'studentId', header: 'studentnummer' },
  { key: 'studentName', header: 'naam' },
  { key: 'type', header: 'soort_melding' },
  { key: 'addressee', header: 'ontvanger' },
  { key: 'from', header: 'begindatum' },
  { key: 'to', header: 'einddatum' },
  { key: 'absentDays', header: 'verzuimde_dagen' },
  { key: 'absentHours', header: 'verzuimde_uren' },
  { key: 'allLessonsMissed', header: 'alle_lessen_verzuimd' },
  { key: 'suspectedReason', header: 'vermoedelijke_reden' },
  { key: 'actionTaken', header: 'ondernomen_acties' },
  { key: 'reporterName', header: 'melder_naam' },
  { key: 'reporterRole', header: 'melder_functie' },
  { key: 'reporterEmail', header: 'melder_email' },
] as const satisfies readonly CsvColumn[];

/** The reports to submit to DUO, one row each, with the fields of the Besluit verzuimmelding. */
export async function exportDuoCsv(store: Store): Promise<string> {
  return (await exportDuo(store)).csv;
}

/** The DUO export and the students in it (for the audit trail of who exported whom). */
export async function exportDuo(store: Store): Promise<{ csv: string; studentIds: string[] }> {
  const tasks = await duoTasksToSubmit(store);
  const rows = tasks.map((t) => {
    const d = t.duo as NonNullable<Task['duo']>;
    return {
      taskId: t.taskId,
      studentId: d.studentId,
      studentName: d.studentName,
      type: d.type,
      addressee: d.addressee === 'rmc' ? 'RMC' : 'LPA',
      from: d.from,
      to: d.to,
      absentDays: d.absentDays,
      absentHours: d.absentHours,
      allLessonsMissed: d.allLessonsMissed ? 'ja' : 'nee',
      suspectedReason: d.suspectedReason,
      actionTaken: d.actionTaken,
      reporterName: d.reporter.name,
      reporterRole: d.reporter.role,
      reporterEmail: d.reporter.email,
    };
  });
  return {
    csv: toCsv(CSV_COLUMNS, rows),
    studentIds: tasks.map((t) => (t.duo as NonNullable<Task['duo']>).studentId),
  };
}
