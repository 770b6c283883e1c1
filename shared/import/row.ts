import { type PresenceEvent, presenceEvent } from '../contract/events';
import { minutesOf } from '../contract/primitives';
import { REASONS, type Reason } from '../policy/types';
import { EVENT_TYPE, type ImportField, type ImportKind, REQUIRED } from './fields';
import type { CodeMeaning, Mapping } from './mapping';
import { type Refusal, type RefusalCode, refusal } from './refusals';
import { sha256Hex } from './sha256';
import {
  isEmail,
  isId,
  listOf,
  readBoolean,
  readDate,
  readDecision,
  readLevel,
  readPathway,
  readRoles,
  readStatus,
  readTime,
  readUnitKind,
  readWholeNumber,
} from './values';

/** One row of a file: its line (the header is line 1) and its cells by column header. */
export interface ImportRow {
  line: number;
  cells: Readonly<Record<string, string | undefined>>;
}

export type RowResult =
  | { ok: true; line: number; event: PresenceEvent }
  | { ok: false; line: number; refusals: Refusal[] };

export interface RowOptions {
  /**
   * The events' `occurredAt` (the import's moment, ISO with offset). Not part of an event's id:
   * the same row imported again is the same event.
   */
  occurredAt: string;
  /** The dates the school calendar covers: a lesson outside is refused (as the webhook does). */
  calendar?: { from: string; to: string };
}

/**
 * The content an event's id is derived from: the kind and the event's data as JSON with sorted
 * keys. Two rows with the same content are the same event, wherever and whenever imported.
 */
export function canonicalContent(kind: ImportKind, data: unknown): string {
  return `${kind}\n${stableJson(data)}`;
}

export const importEventId = (kind: ImportKind, data: unknown): string =>
  `imp-${sha256Hex(canonicalContent(kind, data)).slice(0, 40)}`;

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A registration without an id of its own is one student's lesson: student, date and start.
 * Readable where it fits in an id, hashed where the student number is very long.
 */
export function derivedRegistrationId(studentId: string, date: string, start: string): string {
  const readable = `imp-${studentId}-${date.replaceAll('-', '')}-${start.replace(':', '')}`;
  return readable.length <= 128
    ? readable
    : `imp-${sha256Hex(`${studentId}\n${date}\n${start}`).slice(0, 40)}`;
}

/** A mapping prepared once for many rows: which column each field is read from. */
export function createRowMapper(mapping: Mapping, options: RowOptions): (row: ImportRow) => RowResult {
  // Several columns may name one field (aliases, as in the default mapping): the first
  // non-empty one is read, and a refusal names the first the row has.
  const columnsOf = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(mapping.columns)) {
    columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  }
  const codes = new Map<string, CodeMeaning>(
    Object.entries(mapping.codes).map(([code, meaning]) => [code.trim().toUpperCase(), meaning]),
  );
  const lessons = new Map(Object.entries(mapping.lessonTimes ?? {}).map(([k, v]) => [k.trim(), v]));
  const build = BUILDERS[mapping.kind];

  return (row) => {
    const refusals: Refusal[] = [];
    const columnOf = (field: ImportField): string => {
      const columns = columnsOf.get(field) ?? [];
      return (
        columns.find((c) => row.cells[c]?.trim()) ??
        columns.find((c) => c in row.cells) ??
        columns[0] ??
        field
      );
    };
    const reader: Reader = {
      mapping,
      codes,
      lessons,
      text: (field) => {
        for (const column of columnsOf.get(field) ?? []) {
          const cell = row.cells[column]?.trim();
          if (cell) return cell;
        }
        return mapping.defaults?.[field]?.trim() ?? '';
      },
      refuse: (field, reason, value) => {
        refusals.push(refusal(row.line, columnOf(field), value ?? reader.text(field), reason));
        return undefined;
      },
    };
    const event = eventOf(reader, build, options);
    return event && refusals.length === 0
      ? { ok: true, line: row.line, event }
      : { ok: false, line: row.line, refusals };
  };
}

/** The row's event; undefined once a refusal is recorded. */
function eventOf(r: Reader, build: Builder, options: RowOptions): PresenceEvent | undefined {
  const { kind } = r.mapping;
  let missing = false;
  for (const field of REQUIRED[kind] as readonly ImportField[]) {
    if (r.text(field) === '') missing = r.refuse(field, 'missing', '') ?? true;
  }
  const data = missing ? undefined : build(r);
  if (data === undefined) return undefined;
  if (options.calendar && kind === 'registrations') {
    const date = (data as { date: string }).date;
    if (date < options.calendar.from || date > options.calendar.to)
      return r.refuse('date', 'outside_calendar');
  }
  const parsed = presenceEvent.safeParse({
    id: 'x',
    type: EVENT_TYPE[kind],
    occurredAt: options.occurredAt,
    data,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (issue.path[1] ?? '') as ImportField;
      r.refuse(field, 'contract', r.text(field).slice(0, 200));
    }
    return undefined;
  }
  return { ...parsed.data, id: importEventId(kind, parsed.data.data) } as PresenceEvent;
}

/** One row: its contract event, or every reason it is refused. */
export const rowToEvent = (mapping: Mapping, row: ImportRow, options: RowOptions): RowResult =>
  createRowMapper(mapping, options)(row);

interface Reader {
  mapping: Mapping;
  codes: Map<string, CodeMeaning>;
  lessons: Map<string, { start: string; end: string }>;
  /** The cell's trimmed text, else the mapping's default, else ''. */
  text(field: ImportField): string;
  refuse(field: ImportField, reason: RefusalCode, value?: string): undefined;
}

/** A value read with `read`; refused (with `reason`) when present but unreadable. */
function optional<T>(
  r: Reader,
  field: ImportField,
  read: (raw: string) => T | undefined,
  reason: RefusalCode,
) {
  const raw = r.text(field);
  if (raw === '') return undefined;
  return read(raw) ?? r.refuse(field, reason, raw);
}

const idOf = (r: Reader, field: ImportField): string | undefined =>
  optional(r, field, (s) => (isId(s) ? s : undefined), 'bad_id');
const dateOf = (r: Reader, field: ImportField) =>
  optional(r, field, (s) => readDate(s, r.mapping.dateFormat), 'bad_date');

type Builder = (r: Reader) => Record<string, unknown> | undefined;

const BUILDERS: Record<ImportKind, Builder> = {
  registrations(r) {
    const studentId = idOf(r, 'studentId');
    const date = dateOf(r, 'date');
    const times = timesOf(r);
    const meaning = meaningOf(r);
    const revision = optional(r, 'revision', readWholeNumber, 'bad_number') ?? 0;
    const sourceId = idOf(r, 'registrationId');
    if (!studentId || !date || !times || !meaning) return undefined;
    const length = minutesOf(times.end) - minutesOf(times.start);
    let minutesMissed: number | undefined;
    if (meaning.status === 'late' || meaning.status === 'left_early') {
      const raw = r.text('minutesMissed');
      if (raw === '') return r.refuse('minutesMissed', 'minutes_missing', '');
      minutesMissed = readWholeNumber(raw) ?? r.refuse('minutesMissed', 'bad_number', raw);
      if (minutesMissed === undefined) return undefined;
      if (minutesMissed > length) return r.refuse('minutesMissed', 'minutes_too_many', raw);
    }
    return {
      registrationId: sourceId ?? derivedRegistrationId(studentId, date, times.start),
      revision,
      studentId,
      date,
      start: times.start,
      end: times.end,
      status: meaning.status,
      ...(minutesMissed !== undefined ? { minutesMissed } : {}),
      ...(meaning.reason ? { reason: meaning.reason } : {}),
      ...(meaning.decision ? { decision: meaning.decision } : {}),
    };
  },
  students(r) {
    const data = {
      studentId: idOf(r, 'studentId'),
      displayName: r.text('displayName'),
      email: optional(r, 'email', (s) => (isEmail(s) ? s : undefined), 'bad_email'),
      birthDate: dateOf(r, 'birthDate'),
      teamId: idOf(r, 'teamId'),
      coachId: idOf(r, 'coachId'),
      level: optional(r, 'level', readLevel, 'bad_value'),
      pathway: optional(r, 'pathway', readPathway, 'bad_value'),
      routeX: optional(r, 'routeX', readBoolean, 'bad_boolean') ?? false,
      startQualification: optional(r, 'startQualification', readBoolean, 'bad_boolean') ?? false,
      guardianEmail: optional(r, 'guardianEmail', (s) => (isEmail(s) ? s : undefined), 'bad_email'),
      educationNumber: optional(
        r,
        'educationNumber',
        (s) => (/^\d{9}$/.test(s) ? s : undefined),
        'bad_value',
      ),
      enrolledFrom: dateOf(r, 'enrolledFrom'),
      enrolledUntil: dateOf(r, 'enrolledUntil'),
    };
    return data;
  },
  staff(r) {
    const orgUnitIds = listOf(r.text('orgUnitIds'));
    for (const unit of orgUnitIds) if (!isId(unit)) r.refuse('orgUnitIds', 'bad_id', unit);
    return {
      staffId: idOf(r, 'staffId'),
      name: r.text('name'),
      email: optional(r, 'email', (s) => (isEmail(s) ? s : undefined), 'bad_email'),
      roles: optional(r, 'roles', readRoles, 'bad_value') ?? [],
      orgUnitIds,
    };
  },
  orgunits(r) {
    return {
      orgUnitId: idOf(r, 'orgUnitId'),
      name: r.text('name'),
      kind: optional(r, 'kind', readUnitKind, 'bad_value'),
      parentId: idOf(r, 'parentId') ?? null,
    };
  },
};

function timesOf(r: Reader): { start: string; end: string } | undefined {
  const rawStart = r.text('start');
  const rawEnd = r.text('end');
  const start = rawStart === '' ? undefined : (readTime(rawStart) ?? r.refuse('start', 'bad_time', rawStart));
  const end = rawEnd === '' ? undefined : (readTime(rawEnd) ?? r.refuse('end', 'bad_time', rawEnd));
  if ((rawStart !== '' && !start) || (rawEnd !== '' && !end)) return undefined;
  const times = start && end ? { start, end } : lessonTimesOf(r, start, end);
  if (!times) return undefined;
  if (minutesOf(times.end) <= minutesOf(times.start))
    return r.refuse('end', 'end_before_start', rawEnd || times.end);
  return times;
}

/** Times a row leaves out, from its lesson hour (Lesuur) and the mapping's `lessonTimes`. */
function lessonTimesOf(r: Reader, start?: string, end?: string): { start: string; end: string } | undefined {
  const lesson = r.text('lesson');
  if (lesson === '') return r.refuse(start ? 'end' : 'start', 'missing', '');
  const times = r.lessons.get(lesson);
  const from = start ?? (times && readTime(times.start));
  const to = end ?? (times && readTime(times.end));
  return from && to ? { start: from, end: to } : r.refuse('lesson', 'unknown_lesson', lesson);
}

/** The status, reason and decision: from the absence code, where a status, reason or decision column overrides it. */
function meaningOf(r: Reader): CodeMeaning | undefined {
  const code = r.text('code');
  let meaning: CodeMeaning | undefined = { status: 'present' };
  if (code !== '') meaning = r.codes.get(code.toUpperCase()) ?? r.refuse('code', 'unknown_code', code);
  const status = optional(r, 'status', readStatus, 'bad_status');
  const reason = optional(
    r,
    'reason',
    (s) => ((REASONS as readonly string[]).includes(s) ? (s as Reason) : undefined),
    'bad_reason',
  );
  const decision = optional(r, 'decision', readDecision, 'bad_value');
  if (!meaning) return undefined;
  return {
    status: status ?? meaning.status,
    ...((reason ?? meaning.reason) ? { reason: reason ?? meaning.reason } : {}),
    ...((decision ?? meaning.decision) ? { decision: decision ?? meaning.decision } : {}),
  };
}
