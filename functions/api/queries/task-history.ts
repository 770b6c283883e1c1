import type { TaskChange, TaskEvent } from '../../../shared/api/tasks';
import type { AuditEntry } from '../../domain/audit';

/** A task as its audit entries hold it: only the fields the history compares. */
interface Snapshot {
  status?: string;
  ownerId?: string;
  dueDate?: string;
  duoRecord?: { status?: string };
}

/**
 * What changed in one entry, field by field, before -> after. Staff by name (the reader never
 * sees a staff id); statuses as codes the dashboard translates; dates as ISO dates.
 */
function changesOf(entry: AuditEntry, nameOf: (staffId: string) => string): TaskChange[] {
  const before = (entry.before ?? {}) as Snapshot;
  const after = (entry.after ?? {}) as Snapshot;
  const owner = (s: Snapshot) => (s.ownerId ? nameOf(s.ownerId) : null);
  const fields: [TaskChange['field'], string | null, string | null][] = [
    ['status', before.status ?? null, after.status ?? null],
    ['owner', owner(before), owner(after)],
    ['dueDate', before.dueDate ?? null, after.dueDate ?? null],
    ['duoStatus', before.duoRecord?.status ?? null, after.duoRecord?.status ?? null],
  ];
  // A created record has no before: its first status is no change worth a line.
  if (entry.before === null || entry.before === undefined) return [];
  return fields.filter(([, b, a]) => b !== a).map(([field, b, a]) => ({ field, before: b, after: a }));
}

/** The task's audit trail as its history: who (by name), when, what, and each change before -> after. */
export function taskHistory(trail: readonly AuditEntry[], nameOf: (staffId: string) => string): TaskEvent[] {
  return trail.map((e) => ({
    at: e.at,
    by: e.by === 'nightly' ? 'system' : nameOf(e.by),
    what: e.what,
    changes: changesOf(e, nameOf),
  }));
}
