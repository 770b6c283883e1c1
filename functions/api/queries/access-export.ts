import type {
  AccessAuditEntry,
  AccessEightHourLine,
  AccessExport,
  AccessMail,
  AccessOther,
  AccessRegistration,
} from '../../../shared/api/access-export';
import { TASK_STATUSES } from '../../../shared/workflow/constants';
import type { ObjectStore } from '../../archive/object-store';
import type { Task } from '../../domain/task';
import type { Store } from '../../store/client';
import { batchGet, type Item } from '../../store/dynamo';
import * as keys from '../../store/keys';
import { listLuxuryHints } from '../../store/luxury-hints';
import { listNightlyFailures } from '../../store/nightly-failures';
import { listStudentMails, type OutboxItem } from '../../store/outbox-repository';
import { listPendingEvents } from '../../store/pending-events';
import { toStoredRegistration } from '../../store/registrations';
import { listStudentItemKeys } from '../../store/retention-rewrite';
import { listStaff } from '../../store/staff';
import { listTasksByKind } from '../../store/tasks-repository';
import { toLessonArchive, toWeekTotals } from '../../store/week-totals';
import { recordOf } from '../../store/whole-records';
import { decodeLines } from '../../usecases/archive/lesson-lines';

type Json = Record<string, unknown>;

/** The date the store erases an item (its TTL), or null when it has none. */
const keptUntil = (expiresAt: unknown): string | null =>
  typeof expiresAt === 'number' ? new Date(expiresAt * 1000).toISOString().slice(0, 10) : null;

/** A record as stored, without the table's keys, its TTL given as a date. */
function asRecord(item: Item): Json & { keptUntil: string | null } {
  const { expiresAt, ...rest } = recordOf<Json>(item);
  return { ...rest, keptUntil: keptUntil(expiresAt) };
}

/**
 * The education number (BSN or onderwijsnummer) is shown by its last three digits only: the
 * export says that it is held without putting the whole number on paper (it goes only to DUO).
 */
function maskEducationNumber(record: Json): Json {
  const value = record.educationNumber;
  if (typeof value !== 'string') return record;
  return { ...record, educationNumber: `******${value.slice(-3)}` };
}

/**
 * Everything held about one student (AVG art. 15). The student's items are found the way the
 * retention rewrite finds them (`listStudentItemKeys`: what is exported is what is erased), plus
 * what has no such link and keeps a short expiry of its own: the mails about them (AP 54), their
 * lines on the nights' 8-hour lists, luxury-absence hints, events waiting for them, a failed
 * nightly evaluation. Every record is checked to be about this student; a mail or a list about
 * several students shows only this student's part.
 */
export async function accessExport(
  store: Store,
  studentId: string,
  now: Date,
  exportedBy: { staffId: string; name: string },
  /** The lesson archive; without it the archived years are given by their week totals only. */
  objects?: ObjectStore,
): Promise<AccessExport> {
  const [itemKeys, mails, staff, eightHours, other] = await Promise.all([
    listStudentItemKeys(store, studentId),
    listStudentMails(store, studentId),
    listStaff(store),
    eightHourLines(store, studentId),
    otherData(store, studentId),
  ]);
  const items = [...(await batchGet(store, itemKeys)).values()];
  // Tasks a case points at (the RMC report's) that no audit entry of the student names.
  const caseTaskKeys = items
    .filter((i) => i.type === 'case' && typeof i.rmcTaskId === 'string')
    .map((i) => keys.taskKey(String(i.rmcTaskId)));
  const known = new Set(items.map((i) => `${i.pk}\u0000${i.sk}`));
  const extra = caseTaskKeys.filter((k) => !known.has(`${k.pk}\u0000${k.sk}`));
  if (extra.length > 0) items.push(...(await batchGet(store, extra)).values());

  const ofType = (type: string) =>
    items.filter((i) => i.type === type && i.studentId === studentId).map(asRecord);
  const byDate = (field: string) => (a: Json, b: Json) => String(a[field]).localeCompare(String(b[field]));
  const profile = items.find((i) => i.type === 'student' && i.studentId === studentId);
  const signals = items.find((i) => i.type === 'signals' && i.pk === keys.studentPk(studentId));
  const names = new Map(staff.map((s) => [s.staffId, s.name]));
  const student = profile ? maskEducationNumber(asRecord(profile)) : { studentId };

  return {
    exportedAt: now.toISOString(),
    exportedBy,
    student: {
      studentId,
      displayName: String(student.displayName ?? studentId),
      ...student,
      keptUntil: keptUntil(profile?.expiresAt),
    },
    signalState: signals ? asRecord(signals) : null,
    registrations: [
      ...items.filter((i) => i.type === 'registration' && i.studentId === studentId).map(toRegistration),
      ...(await archivedRegistrations(objects, studentId, items)),
    ].sort((a, b) => `${a.date}${a.registrationId}`.localeCompare(`${b.date}${b.registrationId}`)),
    archivedWeeks: items
      .filter((i) => i.type === 'week-totals' && i.studentId === studentId)
      .map((i) => ({ ...toWeekTotals(i), keptUntil: keptUntil(i.expiresAt) }))
      .sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
    eightHourLists: eightHours,
    reports: (ofType('report') as AccessExport['reports']).sort(byDate('createdOn')),
    tasks: (ofType('task') as AccessExport['tasks']).sort(byDate('createdOn')),
    cases: (ofType('case') as AccessExport['cases']).sort(byDate('createdOn')),
    letters: (ofType('letter') as AccessExport['letters']).sort(byDate('createdOn')),
    mails: mails.map((m) =>
      toMail(m, studentId, String(student.displayName ?? ''), recipientRoles(staff, profile)),
    ),
    audit: items
      .filter((i) => i.type === 'audit' && i.gsi1pk === keys.studentAuditPk(studentId))
      .map((i) => toAuditEntry(i, names))
      .sort((a, b) => a.at.localeCompare(b.at)),
    other,
  };
}

/**
 * The lessons of the student's archived school years, read back from their objects (AP 73), kept
 * as long as their marker (AP 72): the student sees the lessons themselves, not only the totals.
 */
async function archivedRegistrations(
  objects: ObjectStore | undefined,
  studentId: string,
  items: readonly Item[],
): Promise<AccessRegistration[]> {
  if (!objects) return [];
  const markers = items
    .filter((i) => i.type === 'lesson-archive' && i.studentId === studentId)
    .map(toLessonArchive);
  const years = await Promise.all(
    markers.map(async (m) =>
      decodeLines(await objects.get(m.objectKey)).map((l): AccessRegistration => {
        const lesson = l.live
          ? (({ registrationId: _r, revision: _v, studentId: _s, date: _d, ...rest }) => rest)(l.live)
          : null;
        return {
          registrationId: l.registrationId,
          revision: l.revision,
          deleted: l.deleted,
          date: l.date ?? null,
          lesson,
          archived: true,
          keptUntil: keptUntil(m.expiresAt),
        };
      }),
    ),
  );
  return years.flat();
}

function toRegistration(item: Item): AccessRegistration {
  const stored = toStoredRegistration(item);
  const lesson = stored.live
    ? (({ registrationId: _r, revision: _v, studentId: _s, date: _d, ...rest }) => rest)(stored.live)
    : null;
  return {
    registrationId: stored.registrationId,
    revision: stored.revision,
    deleted: stored.deleted,
    date: stored.date ?? null,
    lesson,
    keptUntil: keptUntil(stored.expiresAt),
  };
}

function toAuditEntry(item: Item, names: Map<string, string>): AccessAuditEntry {
  return {
    at: String(item.at),
    by: String(item.by),
    byName: names.get(String(item.by)) ?? null,
    what: String(item.what),
    entity: String(item.entity),
    entityId: String(item.entityId),
    keptUntil: keptUntil(item.expiresAt),
  };
}

/** Who an address belongs to, by role: staff by their roles, the student, the guardian; otherwise `other`. */
function recipientRoles(
  staff: readonly { email: string; roles: readonly string[] }[],
  profile: Item | undefined,
): (address: string) => string[] {
  const byEmail = new Map(staff.map((s) => [s.email.toLowerCase(), [...s.roles]]));
  return (address) => {
    const a = address.toLowerCase();
    if (typeof profile?.email === 'string' && profile.email.toLowerCase() === a) return ['student'];
    if (typeof profile?.guardianEmail === 'string' && profile.guardianEmail.toLowerCase() === a)
      return ['guardian'];
    return byEmail.get(a) ?? ['other'];
  };
}

/**
 * A mail about this student. A combined mail (a coach's mail about several students) names them
 * all in its subject ("Gesprek gevraagd (3): A, B, C"): the export keeps the subject's label and
 * names only this student, with the number of the others.
 */
function toMail(
  mail: OutboxItem,
  studentId: string,
  displayName: string,
  rolesOf: (address: string) => string[],
): AccessMail {
  const others = (mail.studentIds ?? []).filter((id) => id !== studentId).length;
  const label = mail.subject.split(': ')[0] ?? mail.subject;
  return {
    mailId: mail.id,
    kind: mail.kind,
    subject: others > 0 ? `${label}: ${displayName}` : mail.subject,
    recipients: [...new Set(mail.to.flatMap(rolesOf))].sort(),
    createdAt: mail.createdAt,
    status: mail.status,
    sentAt: mail.sentAt ?? null,
    otherStudents: others,
    keptUntil: keptUntil(mail.expiresAt),
  };
}

/** The student's lines on the officer's nightly 8-hour lists (a list names every student of a night). */
async function eightHourLines(store: Store, studentId: string): Promise<AccessEightHourLine[]> {
  const lists = (
    await Promise.all(TASK_STATUSES.map((status) => listTasksByKind(store, 'signal8_list', status)))
  ).flat() as (Task & { expiresAt?: number })[];
  return lists
    .flatMap((task) =>
      (task.eightHours ?? [])
        .filter((line) => line.studentId === studentId)
        .map((line) => ({
          taskId: task.taskId,
          createdOn: task.createdOn,
          status: task.status,
          unauthorizedMinutes: line.unauthorizedMinutes,
          from: line.from,
          to: line.to,
          keptUntil: keptUntil(task.expiresAt),
        })),
    )
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn));
}

/** Events waiting for the student, luxury-absence hints, a failed nightly evaluation. */
async function otherData(store: Store, studentId: string): Promise<AccessOther[]> {
  const [pending, hints, failures] = await Promise.all([
    listPendingEvents(store, studentId),
    listLuxuryHints(store, '0000-00-00', '9999-12-31'),
    listNightlyFailures(store),
  ]);
  return [
    ...pending.map((p) => ({
      kind: 'pending_event' as const,
      date: p.receivedAt.slice(0, 10),
      details: { type: p.event.type, eventId: p.event.id, data: p.event.data as Json },
      keptUntil: null,
    })),
    ...hints
      .filter((h) => h.studentId === studentId)
      .map(({ studentId: _s, studentName: _n, ...hint }) => ({
        kind: 'luxury_hint' as const,
        date: hint.date,
        details: hint as unknown as Json,
        keptUntil: null,
      })),
    ...failures
      .filter((f) => f.studentId === studentId)
      .map(({ studentId: _s, ...failure }) => ({
        kind: 'nightly_failure' as const,
        date: failure.asOf,
        details: failure as unknown as Json,
        keptUntil: null,
      })),
  ];
}
