/**
 * What one import remembers across its batches: the students it has seen (so registrations of
 * a student imported earlier in the same import are not refused) and one fingerprint per
 * record (so a repeated row is counted once and a second, different row for the same lesson is
 * refused). Fingerprints are numbers, a few dozen bytes per record: memory grows with the
 * records an import holds, not with the size of its rows.
 */
export interface ImportSession {
  /** Students known to exist: in the table, or valid earlier in this import. */
  knownStudents: Set<string>;
  /** Student ids looked up in the table and not found there. */
  absentStudents: Set<string>;
  /** Fingerprint of a record's key (type + id) -> fingerprint of its event id. */
  records: Map<number, number>;
  /**
   * Staff ids in the staff rows of this import, refused rows included (a full staff list
   * disables the stored staff not among them; a row with a mistake is not someone who left).
   */
  staffIds: Set<string>;
}

export const newImportSession = (): ImportSession => ({
  knownStudents: new Set(),
  absentStudents: new Set(),
  records: new Map(),
  staffIds: new Set(),
});

/**
 * FNV-1a over UTF-16 code units, 52 bits (safe in a double). Two different records sharing a
 * fingerprint (about 1 in 10^5 for a million records) would make the later one "conflict".
 */
export function fingerprint(text: string): number {
  let lo = 0x811c9dc5 >>> 0;
  let hi = 0x050c5d1f >>> 0;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // Multiply the 64-bit state by the FNV prime 0x100000001b3, on two 32-bit halves.
    const l = Math.imul(lo, 0x1b3) >>> 0;
    const carry = Math.floor((lo * 0x1b3) / 2 ** 32);
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
    lo = l;
  }
  return (hi & 0xfffff) * 2 ** 32 + lo;
}
