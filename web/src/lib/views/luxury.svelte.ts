import type { StudentRef } from '../../../../shared/api/common';
import type { LuxuryHint, LuxuryReportBody } from '../../../../shared/api/luxury';

/** The attendance officer's form on a student's page: luxury absence to DUO (the period, the days, a note). */
export class LuxuryForm {
  from = $state('');
  to = $state('');
  days = $state(1);
  note = $state('');
  submitting = $state(false);
  madeTaskId = $state<string | null>(null);

  periodValid = $derived(this.from !== '' && this.to !== '' && this.from <= this.to);
  canSubmit = $derived(this.periodValid && Number.isInteger(this.days) && this.days >= 1 && !this.submitting);

  body(): LuxuryReportBody {
    return { from: this.from, to: this.to, days: this.days, note: this.note.trim() };
  }

  /** After the report was made: remember its task, clear the form for another. */
  made(taskId: string) {
    this.madeTaskId = taskId;
    this.from = '';
    this.to = '';
    this.days = 1;
    this.note = '';
  }
}

/** The hints per student (a student absent before and after a holiday shows once, with both days), newest first. */
export function hintsByStudent(hints: readonly LuxuryHint[]): { student: StudentRef; hints: LuxuryHint[] }[] {
  const groups = new Map<string, { student: StudentRef; hints: LuxuryHint[] }>();
  for (const hint of hints) {
    const group = groups.get(hint.student.studentId) ?? { student: hint.student, hints: [] };
    group.hints.push(hint);
    groups.set(hint.student.studentId, group);
  }
  for (const g of groups.values()) g.hints.sort((a, b) => a.date.localeCompare(b.date));
  const newest = (g: { hints: LuxuryHint[] }) => g.hints.at(-1)?.date ?? '';
  return [...groups.values()].sort(
    (a, b) =>
      newest(b).localeCompare(newest(a)) || a.student.displayName.localeCompare(b.student.displayName),
  );
}
