/**
 * The ONLY place where table keys are built. Shapes and access patterns: docs/data-model.md;
 * each builder names its access pattern there as `AP <n>`.
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
/** AP 10: an org unit by id. */
export const orgUnitKey = (orgUnitId: string): PrimaryKey => ({ pk: `ORG#${orgUnitId}`, sk: 'ORG' });
/** AP 8: the org-unit tree: every unit under one partition. */
export const orgUnitListGsi1 = (orgUnitId: string): Gsi1Key => ({ gsi1pk: 'ORGUNITS', gsi1sk: orgUnitId });
/** AP 8: the org-unit tree. */
export const orgUnitListPk = (): string => 'ORGUNITS';
/** AP 9: an org unit under its parent. */
export const orgUnitChildGsi2 = (parentId: string, orgUnitId: string): Gsi2Key => ({
  gsi2pk: `ORGCHILDREN#${parentId}`,
  gsi2sk: orgUnitId,
});
/** AP 9: children of an org unit. */
export const orgUnitChildrenPk = (parentId: string): string => `ORGCHILDREN#${parentId}`;

// ── staff ───────────────────────────────────────────────────────────────────
/** AP 11: staff by id. */
export const staffKey = (staffId: string): PrimaryKey => ({ pk: `STAFF#${staffId}`, sk: 'STAFF' });
/** AP 12: staff by e-mail (sign-in), lower-cased. */
export const staffEmailPk = (email: string): string => `STAFFEMAIL#${email.trim().toLowerCase()}`;
/** AP 12: staff by e-mail (sign-in). */
export const staffEmailGsi1 = (email: string, staffId: string): Gsi1Key => ({
  gsi1pk: staffEmailPk(email),
  gsi1sk: staffId,
});
/** AP 41: the staff member a sign-in identity (issuer and subject) is bound to. */
export const signInKey = (identity: string): PrimaryKey => ({ pk: `SIGNIN#${identity}`, sk: 'SIGNIN' });
/** AP 42: the sign-in identity a staff member is bound to (one at most). */
export const staffSignInKey = (staffId: string): PrimaryKey => ({ pk: `STAFF#${staffId}`, sk: 'SIGNIN' });
/** AP 51: the sign-in account provisioned for a staff member (functions/usecases/provisioning/). */
export const staffAccountKey = (staffId: string): PrimaryKey => ({ pk: `STAFF#${staffId}`, sk: 'ACCOUNT' });
/** AP 13: all staff. */
export const staffListPk = (): string => 'STAFF';
/** AP 13: all staff. */
export const staffListGsi2 = (staffId: string): Gsi2Key => ({ gsi2pk: staffListPk(), gsi2sk: staffId });

// ── students ────────────────────────────────────────────────────────────────
/** AP 5: a student's partition (profile and signal state). */
export const studentPk = (studentId: string): string => `STU#${studentId}`;
/** AP 5: a student by id. */
export const studentKey = (studentId: string): PrimaryKey => ({ pk: studentPk(studentId), sk: 'PROFILE' });
/** AP 6: students per team. */
export const teamStudentsPk = (teamId: string): string => `TEAM#${teamId}`;
/** AP 6: students per team. */
export const studentTeamGsi1 = (teamId: string, studentId: string): Gsi1Key => ({
  gsi1pk: teamStudentsPk(teamId),
  gsi1sk: studentId,
});
/** AP 7: students per coach. */
export const coachStudentsPk = (coachId: string): string => `COACH#${coachId}`;
/** AP 7: students per coach. */
export const studentCoachGsi2 = (coachId: string, studentId: string): Gsi2Key => ({
  gsi2pk: coachStudentsPk(coachId),
  gsi2sk: studentId,
});

// ── day summaries: a student's registrations by day (gsi1 on registration items) ─
/** AP 1: the sort-key prefix of a live registration under its day. */
export const DAY_PREFIX = 'DAY#';
/** AP 1: sort-key bounds of a student's registrations from `from` to `to` inclusive. */
export const daySummaryRange = (from: string, to: string): { from: string; to: string } => ({
  from: `${DAY_PREFIX}${from}`,
  to: `${DAY_PREFIX}${to}${HIGH}`,
});

// ── change log (students changed since the last nightly run) ────────────────
/**
 * AP 29: one item per delivery that changed day entries, naming the student-days; the nightly
 * run settles them.
 */
export const changeLogPk = (): string => 'CHANGES';
/** AP 29: one change-log item. */
export const changeLogKey = (changeId: string): PrimaryKey => ({ pk: changeLogPk(), sk: changeId });

// ── signal state and the open-window marker ─────────────────────────────────
/** AP 28: per-student signal state. */
export const signalStateKey = (studentId: string): PrimaryKey => ({
  pk: studentPk(studentId),
  sk: 'SIGNALS',
});
/** AP 30: students with an open window, one shard. */
export const openWindowPk = (shard: number): string => `OPENWINDOW#${shard}`;
/** AP 30: set on the signal state while a window is open (states saved before AP 75; read until none is left). */
export const openWindowGsi1 = (studentId: string): Gsi1Key => ({
  gsi1pk: openWindowPk(shardOf(studentId)),
  gsi1sk: studentId,
});
/**
 * AP 33: sparse, on the signal state: a held-back 16-hour report will be made on `recheckOn` even
 * without new data, so the nightly run reads `gsi2sk <= <asOf>#~` to find the students due.
 */
export const recheckPk = (shard: number): string => `RECHECK#${shard}`;
/** AP 33: students whose held-back report is due. */
export const recheckGsi2 = (studentId: string, recheckOn: string): Gsi2Key => ({
  gsi2pk: recheckPk(shardOf(studentId)),
  gsi2sk: `${recheckOn}#${studentId}`,
});

/**
 * AP 75: a student with an open window, as a marker item of its own (`OPENWINDOW#<shard>` /
 * `<studentId>`), written when the window opens and deleted when it closes, so that saving the
 * signal state writes no index copy. Replaces `openWindowGsi1` on states the new code saves.
 */
export const openWindowMarkerKey = (studentId: string): PrimaryKey => ({
  pk: openWindowPk(shardOf(studentId)),
  sk: studentId,
});
/** AP 76: a held-back 16-hour report due on `recheckOn`, as a marker item (replaces `recheckGsi2`). */
export const recheckMarkerKey = (studentId: string, recheckOn: string): PrimaryKey => ({
  pk: recheckPk(shardOf(studentId)),
  sk: `${recheckOn}#${studentId}`,
});

// ── registrations ───────────────────────────────────────────────────────────
/** AP 2: A registration: its latest version with its classification, or a tombstone. */
export const registrationKey = (registrationId: string): PrimaryKey => ({
  pk: `REG#${registrationId}`,
  sk: 'REG',
});
/** AP 2: the registration id of a `REG#` key. */
export const registrationIdOf = (pk: string): string => pk.slice('REG#'.length);
/** AP 1: a student's registrations. */
export const studentRegistrationsPk = (studentId: string): string => `STUREG#${studentId}`;
/** AP 1: A live registration under its student's day: the day summaries are read from here. */
export const registrationDayGsi1 = (studentId: string, date: string, registrationId: string): Gsi1Key => ({
  gsi1pk: studentRegistrationsPk(studentId),
  gsi1sk: `${DAY_PREFIX}${date}#${registrationId}`,
});
/** AP 1: A deleted registration stays findable by its student (retention), outside every day range. */
export const registrationGoneGsi1 = (studentId: string, registrationId: string): Gsi1Key => ({
  gsi1pk: studentRegistrationsPk(studentId),
  gsi1sk: `GONE#${registrationId}`,
});
/** AP 3: severe-weather registrations on a date. */
export const severeWeatherPk = (date: string): string => `SEVERE#${date}`;
/** AP 3: sparse, on a live registration with reason `severe_weather`: that date's to reclassify. */
export const severeWeatherGsi2 = (date: string, studentId: string, registrationId: string): Gsi2Key => ({
  gsi2pk: severeWeatherPk(date),
  gsi2sk: `${studentId}#${registrationId}`,
});

// ── roster version ──────────────────────────────────────────────────────────
/** AP 69: one item whose value every change to a student moves on (the ingestion's student cache). */
export const rosterVersionKey = (): PrimaryKey => ({ pk: 'ROSTER', sk: 'VERSION' });

// ── pending events ──────────────────────────────────────────────────────────
/** AP 23: pending events of a student. */
export const pendingPk = (studentId: string): string => `PENDING#${studentId}`;
/** AP 23: one pending event. */
export const pendingKey = (studentId: string, eventId: string): PrimaryKey => ({
  pk: pendingPk(studentId),
  sk: `EVT#${eventId}`,
});
/** AP 24: all pending events (operations). */
export const pendingListPk = (): string => 'PENDING';
/** AP 24: all pending events (operations). */
export const pendingListGsi1 = (receivedAt: string, eventId: string): Gsi1Key => ({
  gsi1pk: pendingListPk(),
  gsi1sk: `${receivedAt}#${eventId}`,
});

// ── portal notices ──────────────────────────────────────────────────────────
/** AP 32: a portal notice. */
export const noticeKey = (date: string, kind: string): PrimaryKey => ({ pk: `NOTICE#${date}`, sk: kind });
/** AP 31: portal notices (the severe-weather dates). */
export const noticeListPk = (): string => 'NOTICES';
/** AP 31: portal notices (the severe-weather dates). */
export const noticeListGsi1 = (date: string, kind: string): Gsi1Key => ({
  gsi1pk: noticeListPk(),
  gsi1sk: `${date}#${kind}`,
});

// ── school settings (the administrator's calendar and norm profiles) ───────
/** AP 61: the school calendar in force (one versioned item; absent: the bundled one). AP 62: the norm profiles. */
export const settingKey = (name: 'calendar' | 'norm-profiles'): PrimaryKey => ({ pk: 'SETTING', sk: name });

// ── idempotency records ─────────────────────────────────────────────────────
/** AP 22: `scope` names the caller, e.g. `delivery` (webhook-id), `nightly`, `report-action`. */
export const idempotencyKey = (scope: string, key: string): PrimaryKey => ({
  pk: `IDEMP#${scope}#${key}`,
  sk: 'IDEMP',
});

// ── reports (16-hour reports) ───────────────────────────────────────────────
/** AP 16: a report by id. */
export const reportKey = (reportId: string): PrimaryKey => ({ pk: `REPORT#${reportId}`, sk: 'REPORT' });
/** AP 14: reports per team and status. */
export const reportsByUnitPk = (teamId: string, status: string): string => `REPORTS#${teamId}#${status}`;
/** AP 14: reports per team and status. */
export const reportUnitGsi1 = (
  teamId: string,
  status: string,
  openedOn: string,
  reportId: string,
): Gsi1Key => ({
  gsi1pk: reportsByUnitPk(teamId, status),
  gsi1sk: `${openedOn}#${reportId}`,
});
/** AP 15: reports of a student. */
export const reportsByStudentPk = (studentId: string): string => `STUREPORTS#${studentId}`;
/** AP 15: reports of a student. */
export const reportStudentGsi2 = (studentId: string, openedOn: string, reportId: string): Gsi2Key => ({
  gsi2pk: reportsByStudentPk(studentId),
  gsi2sk: `${openedOn}#${reportId}`,
});

// ── tasks ───────────────────────────────────────────────────────────────────
/** AP 19: a task by id. */
export const taskKey = (taskId: string): PrimaryKey => ({ pk: `TASK#${taskId}`, sk: 'TASK' });
/** AP 17: tasks per assignee and status. */
export const tasksByAssigneePk = (staffId: string, status: string): string => `ASSIGNEE#${staffId}#${status}`;
/** AP 17: tasks per assignee and status. */
export const taskAssigneeGsi1 = (staffId: string, status: string, due: string, taskId: string): Gsi1Key => ({
  gsi1pk: tasksByAssigneePk(staffId, status),
  gsi1sk: `${due}#${taskId}`,
});
/** AP 18: tasks per kind and status. */
export const tasksByKindPk = (kind: string, status: string): string => `TASKKIND#${kind}#${status}`;
/** AP 18: tasks per kind and status. */
export const taskKindGsi2 = (kind: string, status: string, due: string, taskId: string): Gsi2Key => ({
  gsi2pk: tasksByKindPk(kind, status),
  gsi2sk: `${due}#${taskId}`,
});

// ── mail outbox ─────────────────────────────────────────────────────────────
/** AP 21: a mail by id. */
export const mailKey = (mailId: string): PrimaryKey => ({ pk: `MAIL#${mailId}`, sk: 'MAIL' });
/** AP 20: the mail outbox, unsent. */
export const outboxUnsentPk = (): string => 'OUTBOX#UNSENT';
/** AP 20: set while the mail is unsent; REMOVE `gsi1pk, gsi1sk` once sent (sparse). */
export const outboxUnsentGsi1 = (createdAt: string, mailId: string): Gsi1Key => ({
  gsi1pk: outboxUnsentPk(),
  gsi1sk: `${createdAt}#${mailId}`,
});

/** AP 54: the sort-key prefix of a student's mail links. */
export const STUDENT_MAIL_PREFIX = 'MAIL#';
/** AP 54: the mails about a student, one link item per mail in the student's partition. */
export const studentMailKey = (studentId: string, mailId: string): PrimaryKey => ({
  pk: studentPk(studentId),
  sk: `${STUDENT_MAIL_PREFIX}${mailId}`,
});

// ── audit trail ─────────────────────────────────────────────────────────────
/** AP 25: audit trail per entity. */
export const auditPk = (entityType: string, entityId: string): string => `AUDIT#${entityType}#${entityId}`;
/** AP 25: one audit entry of an entity. */
export const auditKey = (entityType: string, entityId: string, at: string, auditId: string): PrimaryKey => ({
  pk: auditPk(entityType, entityId),
  sk: `${at}#${auditId}`,
});
/** AP 26: audit trail per student. */
export const studentAuditPk = (studentId: string): string => `STUAUDIT#${studentId}`;
/** AP 26: audit trail per student. */
export const auditStudentGsi1 = (studentId: string, at: string, auditId: string): Gsi1Key => ({
  gsi1pk: studentAuditPk(studentId),
  gsi1sk: `${at}#${auditId}`,
});

// ── KPI snapshots ───────────────────────────────────────────────────────────
/** AP 27: KPI snapshots of a unit. */
export const kpiPk = (orgUnitId: string): string => `KPI#${orgUnitId}`;
/** AP 27: a KPI snapshot of a unit on a date. */
export const kpiSnapshotKey = (orgUnitId: string, date: string): PrimaryKey => ({
  pk: kpiPk(orgUnitId),
  sk: date,
});

// ── outflow cases (early school leavers) ────────────────────────────────────
/** AP 34: an outflow case by id. */
export const caseKey = (caseId: string): PrimaryKey => ({ pk: `CASE#${caseId}`, sk: 'CASE' });
/** AP 35: outflow cases per coach and status. */
export const casesByCoachPk = (coachId: string, status: string): string => `COACHCASES#${coachId}#${status}`;
/** AP 35: outflow cases per coach and status. */
export const caseCoachGsi1 = (
  coachId: string,
  status: string,
  openedOn: string,
  caseId: string,
): Gsi1Key => ({
  gsi1pk: casesByCoachPk(coachId, status),
  gsi1sk: `${openedOn}#${caseId}`,
});
/**
 * AP 36: sparse marker, a `student.left` the nightly run has not turned into a case yet (one
 * item per student).
 */
export const outflowPendingPk = (): string => 'OUTFLOW#PENDING';
/** AP 36: one student whose `student.left` awaits its case. */
export const outflowPendingKey = (studentId: string): PrimaryKey => ({
  pk: outflowPendingPk(),
  sk: studentId,
});

// ── nightly run: students whose evaluation failed ───────────────────────────
/** AP 38: students the nightly run failed to evaluate, to evaluate again on the next run. */
export const nightlyFailedPk = (): string => 'NIGHTLY#FAILED';
/** AP 38: one student whose evaluation failed (the latest failure). */
export const nightlyFailedKey = (studentId: string): PrimaryKey => ({
  pk: nightlyFailedPk(),
  sk: studentId,
});

// ── event outbox: domain events written with the change they belong to ──────
/** AP 39: a domain event by its outbox id. */
export const eventOutboxKey = (eventId: string): PrimaryKey => ({ pk: `EVENT#${eventId}`, sk: 'EVENT' });
/** AP 40: domain events not yet published (sparse: removed once published). */
export const eventsUnpublishedPk = (): string => 'EVENTS#UNPUBLISHED';
/** AP 40: an unpublished event, in the order it was written. */
export const eventUnpublishedGsi1 = (at: string, eventId: string): Gsi1Key => ({
  gsi1pk: eventsUnpublishedPk(),
  gsi1sk: `${at}#${eventId}`,
});

// ── luxury absence: hints for the attendance officer's worklist ────────────
/** AP 43: unauthorized absences on a school day next to a holiday, by date. */
export const luxuryHintsPk = (): string => 'LUXHINT';
/** AP 43: one student's hint on one date. */
export const luxuryHintKey = (date: string, studentId: string): PrimaryKey => ({
  pk: luxuryHintsPk(),
  sk: `${date}#${studentId}`,
});

// ── letters (a case's invitation letters, archived for the auditor) ─────────
/** AP 44: a letter by id. */
export const letterKey = (letterId: string): PrimaryKey => ({ pk: `LETTER#${letterId}`, sk: 'LETTER' });
/** AP 45: every letter by date (the auditor's list). */
export const lettersPk = (): string => 'LETTERS';
export const lettersGsi1 = (createdOn: string, letterId: string): Gsi1Key => ({
  gsi1pk: lettersPk(),
  gsi1sk: `${createdOn}#${letterId}`,
});
/** AP 46: the letters of a student (their case's screen; the retention rewrite when they leave). */
export const studentLettersPk = (studentId: string): string => `STULETTERS#${studentId}`;
export const studentLettersGsi2 = (studentId: string, createdOn: string, letterId: string): Gsi2Key => ({
  gsi2pk: studentLettersPk(studentId),
  gsi2sk: `${createdOn}#${letterId}`,
});

// ── nightly run: plans, shards, drafts and settle lists of a date's runs ───
const padded = (n: number, width: number): string => String(n).padStart(width, '0');
/** AP 63–64, 66: a date's runs (plans, shards, settle lists) under one partition. */
export const nightPk = (asOf: string): string => `NIGHT#${asOf}`;
/** AP 63: the sort-key prefix of a date's plans; the latest run sorts last. */
export const NIGHT_PLAN_PREFIX = 'PLAN#';
/** AP 63: the plan of one run of a date. */
export const nightPlanKey = (asOf: string, run: number): PrimaryKey => ({
  pk: nightPk(asOf),
  sk: `${NIGHT_PLAN_PREFIX}${padded(run, 4)}`,
});
/** AP 64: the sort-key prefix of a run's shards. */
export const nightShardPrefix = (run: number): string => `SHARD#${padded(run, 4)}#`;
/** AP 64: one shard of a run (its students, then its outcome). */
export const nightShardKey = (asOf: string, run: number, shard: number): PrimaryKey => ({
  pk: nightPk(asOf),
  sk: `${nightShardPrefix(run)}${padded(shard, 5)}`,
});
/** AP 65: the mail drafts of one shard of a run, one item per student (a partition per shard spreads the writes). */
export const nightDraftsPk = (asOf: string, run: number, shard: number): string =>
  `NIGHTDRAFTS#${asOf}#${run}#${shard}`;
/** AP 65: one student's drafts in a run. */
export const nightDraftKey = (asOf: string, run: number, shard: number, studentId: string): PrimaryKey => ({
  pk: nightDraftsPk(asOf, run, shard),
  sk: studentId,
});
/** AP 66: the sort-key prefix of a run's settle list (the change-log items it removes when finished). */
export const nightSettlePrefix = (run: number): string => `SETTLE#${padded(run, 4)}#`;
/** AP 66: one chunk of a run's settle list. */
export const nightSettleKey = (asOf: string, run: number, chunk: number): PrimaryKey => ({
  pk: nightPk(asOf),
  sk: `${nightSettlePrefix(run)}${padded(chunk, 5)}`,
});
// ── lesson archive: closed school years out of the hot table ─────────────────
/** AP 71: the sort-key prefix of a student's week totals. */
export const WEEK_TOTALS_PREFIX = 'WEEK#';
/** AP 71: one school week's totals of a student whose lessons of that week are archived. */
export const weekTotalsKey = (studentId: string, weekStart: string): PrimaryKey => ({
  pk: studentPk(studentId),
  sk: `${WEEK_TOTALS_PREFIX}${weekStart}`,
});
/** AP 71: sort-key bounds of a student's week totals for weeks starting from `from` to `to`. */
export const weekTotalsRange = (from: string, to: string): { from: string; to: string } => ({
  from: `${WEEK_TOTALS_PREFIX}${from}`,
  to: `${WEEK_TOTALS_PREFIX}${to}${HIGH}`,
});
/** AP 72: the sort-key prefix of a student's archive markers. */
export const LESSON_ARCHIVE_PREFIX = 'ARCHIVE#';
/** AP 72: one archived school year of a student: where its lessons are, how many, until when kept. */
export const lessonArchiveKey = (studentId: string, schoolYear: string): PrimaryKey => ({
  pk: studentPk(studentId),
  sk: `${LESSON_ARCHIVE_PREFIX}${schoolYear}`,
});
/** AP 73: the S3 object of a student's school year: gzip-compressed JSON lines, one registration a line. */
export const LESSON_OBJECT_PREFIX = 'lessons/';
export const lessonArchiveObjectKey = (studentId: string, schoolYear: string): string =>
  `${LESSON_OBJECT_PREFIX}${encodeURIComponent(studentId)}/${schoolYear}.jsonl.gz`;
/** AP 73: the student and the school year of an archive object's key (undefined for another key). */
export function lessonArchiveObjectOf(key: string): { studentId: string; schoolYear: string } | undefined {
  const m = /^lessons\/([^/]+)\/([^/]+)\.jsonl\.gz$/.exec(key);
  return m ? { studentId: decodeURIComponent(m[1] as string), schoolYear: m[2] as string } : undefined;
}
/** AP 74: the sort-key prefix of a student's registration tombstones (gsi1 `STUREG#`, `GONE#`). */
export const REGISTRATION_GONE_PREFIX = 'GONE#';
