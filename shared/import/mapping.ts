import type { RegistrationData } from '../contract/events';
import type { ImportField, ImportKind } from './fields';

/** What one of the school's absence codes means in the contract. */
export interface CodeMeaning {
  status: RegistrationData['status'];
  reason?: NonNullable<RegistrationData['reason']>;
  decision?: NonNullable<RegistrationData['decision']>;
  /** What the code means, for the person choosing the mapping (Dutch). */
  label?: string;
}

/**
 * How a file's columns and values become contract events. A mapping file (`npm run import --
 * FILE --mapping M.json`) and the dashboard's column picker both produce one.
 */
export interface Mapping {
  kind: ImportKind;
  /**
   * Column header as in the file -> field. Columns not named here are ignored; several columns
   * may name one field (aliases): the first non-empty one is read.
   */
  columns: Record<string, ImportField>;
  /** The school's absence codes (compared without case and surrounding spaces) -> contract. */
  codes: Record<string, CodeMeaning>;
  /**
   * How dates are written: `auto` takes both dd-mm-jjjj (also with / or .) and jjjj-mm-dd;
   * the other two only that one.
   */
  dateFormat: 'auto' | 'dd-mm-jjjj' | 'jjjj-mm-dd';
  /** Lesson hour (Lesuur) -> its times, for exports without Begintijd/Eindtijd. */
  lessonTimes?: Record<string, { start: string; end: string }>;
  /** A value for a field the file does not have, or leaves empty (e.g. `enrolledFrom`). */
  defaults?: Partial<Record<ImportField, string>>;
}

/**
 * The absence codes of a typical MBO export (ComTak, EduArte, Magister, Somtoday use these or
 * close variants; a school's own codes go in its mapping file). A code without a reason is
 * reason `unknown`, which the policy counts as unauthorized until someone says otherwise.
 */
export const DEFAULT_CODES: Record<string, CodeMeaning> = {
  AW: { status: 'present', label: 'Aanwezig' },
  P: { status: 'present', label: 'Aanwezig (present)' },
  A: { status: 'absent', label: 'Afwezig, reden onbekend' },
  ON: { status: 'absent', reason: 'truancy', label: 'Ongeoorloofd afwezig' },
  OA: { status: 'absent', reason: 'truancy', label: 'Ongeoorloofd afwezig' },
  S: { status: 'absent', reason: 'truancy', label: 'Spijbelen' },
  Z: { status: 'absent', reason: 'sick', label: 'Ziek' },
  LZ: { status: 'absent', reason: 'long_term_illness', label: 'Langdurig ziek' },
  ZH: { status: 'left_early', reason: 'sick', label: 'Ziek naar huis' },
  TL: { status: 'late', label: 'Te laat' },
  L: { status: 'late', label: 'Te laat' },
  TLV: { status: 'late', reason: 'late_transport', label: 'Te laat door vervoer (bus, trein, verslapen)' },
  OV: { status: 'absent', reason: 'transport_disruption', label: 'Openbaar vervoer rijdt niet' },
  UV: { status: 'left_early', label: 'Uit de les verwijderd' },
  EW: { status: 'left_early', label: 'Eerder weg' },
  V: { status: 'absent', reason: 'leave', label: 'Verlof' },
  BV: { status: 'absent', reason: 'special_leave', label: 'Bijzonder verlof' },
  MA: {
    status: 'absent',
    reason: 'medical_appointment',
    label: 'Medische afspraak (huisarts, tandarts, ziekenhuis)',
  },
  OP: { status: 'absent', reason: 'optician', label: 'Opticien' },
  SC: { status: 'absent', reason: 'suspension', label: 'Geschorst' },
  RE: { status: 'absent', reason: 'driving_exam', label: 'Rijexamen' },
  RL: { status: 'absent', reason: 'driving_lesson', label: 'Rijles' },
  BZ: { status: 'absent', reason: 'wedding_or_funeral', label: 'Bruiloft of begrafenis' },
  IA: { status: 'absent', reason: 'authority_appointment', label: 'Afspraak met een instantie' },
  BPV: { status: 'absent', reason: 'internship_activity', label: 'BPV-activiteit (stage)' },
  WA: { status: 'absent', reason: 'severe_weather', label: 'Weeralarm' },
};

/**
 * The columns of a typical Dutch export, per kind (header -> field). Detection (detect.ts)
 * compares headers without case, spaces, dashes and dots, so "E-mail", "Email" and "e mail"
 * are one.
 */
export const DEFAULT_COLUMNS: { [K in ImportKind]: Record<string, ImportField> } = {
  registrations: {
    Registratienummer: 'registrationId',
    RegistratieId: 'registrationId',
    Revisie: 'revision',
    Studentnummer: 'studentId',
    Leerlingnummer: 'studentId',
    Deelnemernummer: 'studentId',
    Datum: 'date',
    Lesdatum: 'date',
    Lesuur: 'lesson',
    Uur: 'lesson',
    Begintijd: 'start',
    Starttijd: 'start',
    Van: 'start',
    Eindtijd: 'end',
    Tot: 'end',
    Absentiecode: 'code',
    Code: 'code',
    Absentie: 'code',
    Verzuimcode: 'code',
    Status: 'status',
    Reden: 'reason',
    Minuten: 'minutesMissed',
    'Gemiste minuten': 'minutesMissed',
    Besluit: 'decision',
  },
  students: {
    Studentnummer: 'studentId',
    Leerlingnummer: 'studentId',
    Deelnemernummer: 'studentId',
    Naam: 'displayName',
    Roepnaam: 'displayName',
    'E-mail': 'email',
    'E-mailadres': 'email',
    Geboortedatum: 'birthDate',
    Team: 'teamId',
    Teamcode: 'teamId',
    Coach: 'coachId',
    Mentor: 'coachId',
    SLB: 'coachId',
    Studieloopbaanbegeleider: 'coachId',
    Niveau: 'level',
    Leerweg: 'pathway',
    'Route X': 'routeX',
    Startkwalificatie: 'startQualification',
    'E-mail ouder': 'guardianEmail',
    'E-mail verzorger': 'guardianEmail',
    'E-mail ouder/verzorger': 'guardianEmail',
    Onderwijsnummer: 'educationNumber',
    BSN: 'educationNumber',
    Inschrijfdatum: 'enrolledFrom',
    Begindatum: 'enrolledFrom',
    Startdatum: 'enrolledFrom',
    Uitschrijfdatum: 'enrolledUntil',
    Einddatum: 'enrolledUntil',
  },
  staff: {
    Personeelsnummer: 'staffId',
    Medewerkernummer: 'staffId',
    Medewerker: 'staffId',
    Afkorting: 'staffId',
    Naam: 'name',
    'E-mail': 'email',
    'E-mailadres': 'email',
    Rol: 'roles',
    Rollen: 'roles',
    Functie: 'roles',
    Team: 'orgUnitIds',
    Teams: 'orgUnitIds',
    Eenheden: 'orgUnitIds',
  },
  orgunits: {
    Code: 'orgUnitId',
    Eenheid: 'orgUnitId',
    Teamcode: 'orgUnitId',
    Naam: 'name',
    Omschrijving: 'name',
    Soort: 'kind',
    Type: 'kind',
    Bovenliggend: 'parentId',
    Ouder: 'parentId',
    Afdeling: 'parentId',
  },
};

/** The Dutch default mapping of a kind: every default column, the default codes, both date forms. */
export const defaultMapping = (kind: ImportKind): Mapping => ({
  kind,
  columns: { ...DEFAULT_COLUMNS[kind] },
  codes: { ...DEFAULT_CODES },
  dateFormat: 'auto',
});
