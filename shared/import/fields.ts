/**
 * What an import file can hold: one kind per file, and per kind the fields of the contract's
 * event data (/work/shared/contract/presence-webhook.md) that a column can fill. A few fields
 * exist only in files: `lesson` (Lesuur: a lesson hour, turned into times by the mapping's
 * `lessonTimes`) and `code` (the school's absence code, turned into status and reason by the
 * mapping's `codes`).
 */
export const IMPORT_KINDS = ['registrations', 'students', 'staff', 'orgunits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const FIELDS = {
  registrations: [
    'registrationId',
    'revision',
    'studentId',
    'date',
    'lesson',
    'start',
    'end',
    'code',
    'status',
    'reason',
    'minutesMissed',
    'decision',
  ],
  students: [
    'studentId',
    'displayName',
    'email',
    'birthDate',
    'teamId',
    'coachId',
    'level',
    'pathway',
    'routeX',
    'startQualification',
    'guardianEmail',
    'educationNumber',
    'enrolledFrom',
    'enrolledUntil',
  ],
  staff: ['staffId', 'name', 'email', 'roles', 'orgUnitIds'],
  orgunits: ['orgUnitId', 'name', 'kind', 'parentId'],
} as const satisfies Record<ImportKind, readonly string[]>;

export type FieldOf<K extends ImportKind> = (typeof FIELDS)[K][number];
export type ImportField = FieldOf<ImportKind>;

/**
 * Fields a row cannot do without (from a column or the mapping's `defaults`). Registrations
 * need times: `start`/`end`, or a `lesson` the mapping's `lessonTimes` knows; and a status: a
 * `code` or a `status` column (a row with neither is a lesson attended: `present`).
 */
export const REQUIRED: { [K in ImportKind]: readonly FieldOf<K>[] } = {
  registrations: ['studentId', 'date'],
  students: [
    'studentId',
    'displayName',
    'email',
    'birthDate',
    'teamId',
    'coachId',
    'level',
    'pathway',
    'enrolledFrom',
  ],
  staff: ['staffId', 'name', 'email'],
  orgunits: ['orgUnitId', 'name', 'kind'],
};

/** The contract's event type each kind of row becomes. */
export const EVENT_TYPE = {
  registrations: 'registration.upserted',
  students: 'student.upserted',
  staff: 'staff.upserted',
  orgunits: 'orgunit.upserted',
} as const satisfies Record<ImportKind, string>;

export const isImportKind = (value: string): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value);
