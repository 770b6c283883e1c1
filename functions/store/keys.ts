/**
 * The ONLY place where table keys are built. Shapes and access patterns: docs/data-model.md.
 * Every builder returns exactly the key attributes an item (or a query) needs, so that a
 * repository spreads them into the item and never concatenates strings itself.
 */

export const INDEX = { gsi1: 'gsi1', gsi2: 'gsi2' } as const;

export interface PrimaryKey {
  pk: string;
  sk: string;
}
export interface Gsi1Key {
  gsi1pk: string;
  gsi1sk: string;
}
export interface Gsi2Key {
  gsi2pk: string;
  gsi2sk: string;
}

/** Sorts after every character used in ids and dates: closes a `BETWEEN` range. */
export const HIGH = '~';

/** Number of shards of the sparse "open window" and "recheck" indexes. */
export const SHARDS = 8;

/** FNV-1a 32-bit: stable across runtimes, spreads ids evenly over the shards. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SHARDS;
}

export const allShards = (): number[] => Array.from({ length: SHARDS }, (_, i) => i);

// ── org units ───────────────────────────────────────────────────────────────
export const orgUnitKey = (orgUnitId: string): PrimaryKey => ({ pk: `ORG#${orgUnitId}`, sk: 'ORG' });
export const orgUnitListGsi1 = (orgUnitId: string): Gsi1Key => ({ gsi1pk: 'ORGUNITS', gsi1sk: orgUnitId });
export const orgUnitListPk = (): string => 'ORGUNITS';
export const orgUnitChildGsi2 = (parentId: string, orgUnitId: string): Gsi2Key => ({
  gsi2pk: `ORGCHILDREN#${parentId}`,
  gsi2sk: orgUnitId,
});
export const orgUnitChildrenPk = (parentId: string): string => `ORGCHILDREN#${parentId}`;

// ── staff ───────────────────────────────────────────────────────────────────
export const staffKey = (staffId: string): PrimaryKey => ({ pk: `STAFF#${staffId}`, sk: 'STAFF' });
export const staffEmailPk = (email: string): string => `STAFFEMAIL#${email.trim().toLowerCase()}`;
export const staffEmailGsi1 = (email: string, staffId: string): Gsi1Key => ({
  gsi1pk: staffEmailPk(email),
  gsi1sk: staffId,
});
export const staffListPk = (): string => 'STAFF';
export const staffListGsi2 = (staffId: string): Gsi2Key => ({ gsi2pk: staffListPk(), gsi2sk: staffId });

// ── students ────────────────────────────────────────────────────────────────
export const studentPk = (studentId: string): string => `STU#${studentId}`;
export const studentKey = (studentId: string): PrimaryKey => ({ pk: studentPk(studentId), sk: 'PROFILE' });
export const teamStudentsPk = (teamId: string): string => `TEAM#${teamId}`;
export const studentTeamGsi1 = (teamId: string, studentId: string): Gsi1Key => ({
  gsi1pk: teamStudentsPk(teamId),
  gsi1sk: studentId,
});
export const coachStudentsPk = (coachId: string): string => `COACH#${coachId}`;
export const studentCoachGsi2 = (coachId: string, studentId: string): Gsi2Key => ({
  gsi2pk: coachStudentsPk(coachId),
  gsi2sk: studentId,
});

// ── day summaries: a student's registrations by day (gsi1 on registration items) ─
export const DAY_PREFIX = 'DAY#';
/** Sort-key bounds of a student's registrations from `from` to `to` inclusive. */
export const daySummaryRange = (from: string, to: string): { from: string; to: string } => ({
  from: `${DAY_PREFIX}${from}`,
  to: `${DAY_PREFIX}${to}${HIGH}`,
});

// ── change log (students changed since the last nightly run) ────────────────
/** One item per delivery that changed day entries, naming the student-days; the nightly run settles them. */
export const changeLogPk = (): string => 'CHANGES';
export const changeLogKey = (changeId: string): PrimaryKey => ({ pk: changeLogPk(), sk: changeId });

// ── signal state and the open-window marker ─────────────────────────────────
export const signalStateKey = (studentId: string): PrimaryKey => ({
  pk: studentPk(studentId),
  sk: 'SIGNALS',
});
export const openWindowPk = (shard: number): string => `OPENWINDOW#${shard}`;
export const openWindowGsi1 = (studentId: string): Gsi1Key => ({
  gsi1pk: openWindowPk(shardOf(studentId)),
  gsi1sk: studentId,
});
/**
 * Sparse, on the signal state: a held-back 16-hour report will be made on `recheckOn` even
 * without new data, so the nightly run reads `gsi2sk <= <asOf>#~` to find the students due.
 */
export const recheckPk = (shard: number): string => `RECHECK#${shard}`;
export const recheckGsi2 = (studentId: string, recheckOn: string): Gsi2Key => ({
  gsi2pk: recheckPk(shardOf(studentId)),
  gsi2sk: `${recheckOn}#${studentId}`,
});

// ── registrations ───────────────────────────────────────────────────────────
/** A registration: its latest version with its classification, or a tombstone. */
export const registrationKey = (registrationId: string): PrimaryKey => ({
  pk: `REG#${registrationId}`,
  sk: 'REG',
});
export const registrationIdOf = (pk: string): string => pk.slice('REG#'.length);
export const studentRegistrationsPk = (studentId: string): string => `STUREG#${studentId}`;
/** A live registration under its student's day: the day summaries are read from here. */
export const registrationDayGsi1 = (studentId: string, date: string, registrationId: string): Gsi1Key => ({
  gsi1pk: studentRegistrationsPk(studentId),
  gsi1sk: `${DAY_PREFIX}${date}#${registrationId}`,
});
/** A deleted registration stays findable by its student (retention), outside every day range. */
export const registrationGoneGsi1 = (studentId: string, registrationId: string): Gsi1Key => ({
  gsi1pk: studentRegistrationsPk(studentId),
  gsi1sk: `GONE#${registrationId}`,
});
export const severeWeatherPk = (date: string): string => `SEVERE#${date}`;
/** Sparse, on a live registration with reason `severe_weather`: that date's to reclassify. */
export const severeWeatherGsi2 = (date: string, studentId: string, registrationId: string): Gsi2Key => ({
  gsi2pk: severeWeatherPk(date),
  gsi2sk: `${studentId}#${registrationId}`,
});

// ── ingestion lease ─────────────────────────────────────────────────────────
/** One item: whoever holds it is the only writer of registrations and day summaries. */
export const ingestLeaseKey = (): PrimaryKey => ({ pk: 'LEASE#ingest', sk: 'LEASE' });

// ── pending events ──────────────────────────────────────────────────────────
export const pendingPk = (studentId: string): string => `PENDING#${studentId}`;
export const pendingKey = (studentId: string, eventId: string): PrimaryKey => ({
  pk: pendingPk(studentId),
  sk: `EVT#${eventId}`,
});
export const pendingListPk = (): string => 'PENDING';
export const pendingListGsi1 = (receivedAt: string, eventId: string): Gsi1Key => ({
  gsi1pk: pendingListPk(),
  gsi1sk: `${receivedAt}#${eventId}`,
});

// ── portal notices ──────────────────────────────────────────────────────────
export const noticeKey = (date: string, kind: string): PrimaryKey => ({ pk: `NOTICE#${date}`, sk: kind });
export const noticeListPk = (): string => 'NOTICES';
export const noticeListGsi1 = (date: string, kind: string): Gsi1Key => ({
  gsi1pk: noticeListPk(),
  gsi1sk: `${date}#${kind}`,
});

// ── idempotency records ─────────────────────────────────────────────────────
/** `scope` names the caller, e.g. `delivery` (webhook-id), `nightly`, `report-action`. */
export const idempotencyKey = (scope: string, key: string): PrimaryKey => ({
  pk: `IDEMP#${scope}#${key}`,
  sk: 'IDEMP',
});

// ── reports (16-hour reports) ───────────────────────────────────────────────
export const reportKey = (reportId: string): PrimaryKey => ({ pk: `REPORT#${reportId}`, sk: 'REPORT' });
export const reportsByUnitPk = (teamId: string, status: string): string => `REPORTS#${teamId}#${status}`;
export const reportUnitGsi1 = (
  teamId: string,
  status: string,
  openedOn: string,
  reportId: string,
): Gsi1Key => ({
  gsi1pk: reportsByUnitPk(teamId, status),
  gsi1sk: `${openedOn}#${reportId}`,
});
export const reportsByStudentPk = (studentId: string): string => `STUREPORTS#${studentId}`;
export const reportStudentGsi2 = (studentId: string, openedOn: string, reportId: string): Gsi2Key => ({
  gsi2pk: reportsByStudentPk(studentId),
  gsi2sk: `${openedOn}#${reportId}`,
});

// ── tasks ───────────────────────────────────────────────────────────────────
export const taskKey = (taskId: string): PrimaryKey => ({ pk: `TASK#${taskId}`, sk: 'TASK' });
export const tasksByAssigneePk = (staffId: string, status: string): string => `ASSIGNEE#${staffId}#${status}`;
export const taskAssigneeGsi1 = (staffId: string, status: string, due: string, taskId: string): Gsi1Key => ({
  gsi1pk: tasksByAssigneePk(staffId, status),
  gsi1sk: `${due}#${taskId}`,
});
export const tasksByKindPk = (kind: string, status: string): string => `TASKKIND#${kind}#${status}`;
export const taskKindGsi2 = (kind: string, status: string, due: string, taskId: string): Gsi2Key => ({
  gsi2pk: tasksByKindPk(kind, status),
  gsi2sk: `${due}#${taskId}`,
});

// ── mail outbox ─────────────────────────────────────────────────────────────
export const mailKey = (mailId: string): PrimaryKey => ({ pk: `MAIL#${mailId}`, sk: 'MAIL' });
export const outboxUnsentPk = (): string => 'OUTBOX#UNSENT';
/** Set while the mail is unsent; REMOVE `gsi1pk, gsi1sk` once sent (sparse). */
export const outboxUnsentGsi1 = (createdAt: string, mailId: string): Gsi1Key => ({
  gsi1pk: outboxUnsentPk(),
  gsi1sk: `${createdAt}#${mailId}`,
});

// ── audit trail ─────────────────────────────────────────────────────────────
export const auditPk = (entityType: string, entityId: string): string => `AUDIT#${entityType}#${entityId}`;
export const auditKey = (entityType: string, entityId: string, at: string, auditId: string): PrimaryKey => ({
  pk: auditPk(entityType, entityId),
  sk: `${at}#${auditId}`,
});
export const studentAuditPk = (studentId: string): string => `STUAUDIT#${studentId}`;
export const auditStudentGsi1 = (studentId: string, at: string, auditId: string): Gsi1Key => ({
  gsi1pk: studentAuditPk(studentId),
  gsi1sk: `${at}#${auditId}`,
});

// ── KPI snapshots ───────────────────────────────────────────────────────────
export const kpiPk = (orgUnitId: string): string => `KPI#${orgUnitId}`;
export const kpiSnapshotKey = (orgUnitId: string, date: string): PrimaryKey => ({
  pk: kpiPk(orgUnitId),
  sk: date,
});

// ── outflow cases (early school leavers) ────────────────────────────────────
export const caseKey = (caseId: string): PrimaryKey => ({ pk: `CASE#${caseId}`, sk: 'CASE' });
export const casesByCoachPk = (coachId: string, status: string): string => `COACHCASES#${coachId}#${status}`;
export const caseCoachGsi1 = (
  coachId: string,
  status: string,
  openedOn: string,
  caseId: string,
): Gsi1Key => ({
  gsi1pk: casesByCoachPk(coachId, status),
  gsi1sk: `${openedOn}#${caseId}`,
});
/** Sparse marker: a `student.left` the nightly run has not turned into a case yet (one item per student). */
export const outflowPendingPk = (): string => 'OUTFLOW#PENDING';
export const outflowPendingKey = (studentId: string): PrimaryKey => ({
  pk: outflowPendingPk(),
  sk: studentId,
});
