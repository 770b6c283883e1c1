/**
 * Characters no value may bring into a mail: C0 and C1 control characters (line breaks, tabs,
 * NEL), DEL, the Unicode line and paragraph separators, and the bidirectional marks, embeddings,
 * overrides and isolates (U+061C, U+200E/F, U+202A–E, U+2066–9) that make a name read
 * differently from what it says.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * A value as it may appear in a mail: one line of plain text. Unsafe characters become a space
 * (so "a\r\nBcc: b" cannot start a header or a line of its own), runs of white space one space.
 * This is the defence at the mail's edge; names are also cleaned when they are ingested.
 */
export function plainText(value: string): string {
  return value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** Every text field of a template's data as `plainText`; numbers and flags as they are. */
export function plainData<D extends object>(data: D): D {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? plainText(v) : v]),
  ) as D;
}
