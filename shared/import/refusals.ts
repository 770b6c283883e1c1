/** Why a row of an import is refused: a code for programs, a Dutch (and English) text for people. */
export const REFUSAL_CODES = [
  'missing',
  'bad_date',
  'bad_time',
  'end_before_start',
  'unknown_lesson',
  'unknown_code',
  'bad_status',
  'bad_reason',
  'bad_number',
  'minutes_missing',
  'minutes_too_many',
  'bad_value',
  'bad_id',
  'bad_email',
  'bad_boolean',
  'contract',
  'outside_calendar',
  'unknown_student',
  'conflict',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** One refused cell (or row, when `column` is empty): what a person fixes in the file. */
export interface Refusal {
  /** Line in the file (the header is line 1). */
  line: number;
  /** The column's header as in the file; empty when the row as a whole is refused. */
  column: string;
  value: string;
  reason: RefusalCode;
  /** The reason in Dutch, for the screen and the CSV. */
  text: string;
}

export const REFUSAL_TEXTS: Record<'nl' | 'en', Record<RefusalCode, string>> = {
  nl: {
    missing: 'Verplicht veld is leeg of ontbreekt',
    bad_date: 'Geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)',
    bad_time: 'Geen geldige tijd (uu:mm)',
    end_before_start: 'Eindtijd ligt niet na de begintijd',
    unknown_lesson: 'Lesuur zonder begin- en eindtijd in de koppeling',
    unknown_code: 'Onbekende absentiecode (niet in de koppeling)',
    bad_status: 'Onbekende status',
    bad_reason: 'Onbekende reden',
    bad_number: 'Geen geldig geheel getal',
    minutes_missing: 'Aantal gemiste minuten ontbreekt (verplicht bij te laat en eerder weg)',
    minutes_too_many: 'Meer gemiste minuten dan de les lang is',
    bad_value: 'Onbekende waarde',
    bad_id: 'Ongeldig nummer of code (spaties, # of ~, of langer dan 128 tekens)',
    bad_email: 'Geen geldig e-mailadres',
    bad_boolean: 'Geen ja of nee',
    contract: 'Past niet in het koppelvlak',
    outside_calendar: 'Datum valt buiten de schoolkalender',
    unknown_student: 'Onbekende student (niet in Presentie en niet eerder in deze import)',
    conflict: 'Dezelfde les staat al eerder in het bestand met andere gegevens',
  },
  en: {
    missing: 'Required field is empty or missing',
    bad_date: 'Not a valid date (dd-mm-yyyy or yyyy-mm-dd)',
    bad_time: 'Not a valid time (hh:mm)',
    end_before_start: 'End time is not after the start time',
    unknown_lesson: 'Lesson hour without start and end time in the mapping',
    unknown_code: 'Unknown absence code (not in the mapping)',
    bad_status: 'Unknown status',
    bad_reason: 'Unknown reason',
    bad_number: 'Not a valid whole number',
    minutes_missing: 'Minutes missed are missing (required when late or leaving early)',
    minutes_too_many: 'More minutes missed than the lesson lasts',
    bad_value: 'Unknown value',
    bad_id: 'Invalid number or code (spaces, # or ~, or over 128 characters)',
    bad_email: 'Not a valid e-mail address',
    bad_boolean: 'Not yes or no',
    contract: 'Does not fit the contract',
    outside_calendar: 'Date outside the school calendar',
    unknown_student: 'Unknown student (not in Presentie and not earlier in this import)',
    conflict: 'The same lesson is earlier in the file with other data',
  },
};

export const refusal = (line: number, column: string, value: string, reason: RefusalCode): Refusal => ({
  line,
  column,
  value,
  reason,
  text: REFUSAL_TEXTS.nl[reason],
});
