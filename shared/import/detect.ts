import { IMPORT_KINDS, type ImportField, type ImportKind } from './fields';
import { DEFAULT_COLUMNS, defaultMapping, type Mapping } from './mapping';
import { squash } from './values';

export interface Detected {
  kind: ImportKind;
  /** The default mapping of that kind with `columns` naming the file's own headers. */
  mapping: Mapping;
  /** Headers that became no field (shown as "niet gebruikt" in the column picker). */
  unused: string[];
}

const KNOWN = Object.fromEntries(
  IMPORT_KINDS.map((kind) => [
    kind,
    new Map(Object.entries(DEFAULT_COLUMNS[kind]).map(([header, field]) => [squash(header), field])),
  ]),
) as Record<ImportKind, Map<string, ImportField>>;

function columnsFor(kind: ImportKind, headers: readonly string[]): Record<string, ImportField> {
  const columns: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const field = KNOWN[kind].get(squash(header));
    if (field && !taken.has(field)) {
      taken.add(field);
      columns[header] = field;
    }
  }
  return columns;
}

/**
 * The mapping a header row most likely means: the kind whose default columns name the most
 * fields (or the kind given), each field from the first header that names it. Headers are
 * compared without case, spaces, dashes and dots.
 */
export function detectMapping(headers: readonly string[], kind?: ImportKind): Detected {
  const scored = (kind ? [kind] : IMPORT_KINDS).map((k) => ({ k, columns: columnsFor(k, headers) }));
  const best = scored.reduce((a, b) =>
    Object.keys(b.columns).length > Object.keys(a.columns).length ? b : a,
  );
  return {
    kind: best.k,
    mapping: { ...defaultMapping(best.k), columns: best.columns },
    unused: headers.filter((h) => !(h in best.columns)),
  };
}
