import { detectMapping } from '../../../shared/import/detect';
import { FIELDS, IMPORT_KINDS, type ImportKind, REQUIRED } from '../../../shared/import/fields';
import { type CodeMeaning, DEFAULT_CODES } from '../../../shared/import/mapping';
import type { ImportCoreView } from './views/import.svelte';

/**
 * The import core (shared/import, zod-free modules only) as the import page needs it: fields per
 * kind, the auto-detected columns, and the default codes as the meanings a code can be given.
 */
export const importCore: ImportCoreView<ImportKind> & {
  meanings: readonly string[];
  meaning(key: string): CodeMeaning | undefined;
} = {
  kinds: IMPORT_KINDS,
  fields: (kind) =>
    FIELDS[kind].map((name) => ({ name, required: (REQUIRED[kind] as readonly string[]).includes(name) })),
  detect: (kind, header) => {
    const out: Record<string, string> = {};
    for (const [column, field] of Object.entries(detectMapping(header, kind).mapping.columns)) {
      out[field] ??= column;
    }
    return out;
  },
  codeField: (kind) => (kind === 'registrations' ? 'code' : null),
  defaultCode: (code) => {
    const key = code.trim().toUpperCase();
    return key in DEFAULT_CODES ? key : '';
  },
  meanings: Object.keys(DEFAULT_CODES),
  meaning: (key) => {
    const m = DEFAULT_CODES[key];
    return m
      ? {
          status: m.status,
          ...(m.reason ? { reason: m.reason } : {}),
          ...(m.decision ? { decision: m.decision } : {}),
        }
      : undefined;
  },
};

/** A meaning's words in the code picker: the default code and its Dutch label. */
export const meaningLabel = (key: string): string => `${key}: ${DEFAULT_CODES[key]?.label ?? key}`;
