import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The size DynamoDB bills an item at, from its marshalled form, by the rules of the developer
 * guide ("Item sizes and formats"): attribute names and string values in UTF-8 bytes, binaries
 * in bytes, a number about one byte per two significant digits plus one, booleans and nulls one
 * byte, and a map or list 3 bytes plus one per element on top of its contents. Storage adds
 * 100 bytes of overhead per item (STORAGE_OVERHEAD), in the table and in each index holding it.
 */
export const STORAGE_OVERHEAD = 100;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function numberSize(n: string): number {
  const digits = n
    .replace(/^-/, '')
    .replace('.', '')
    .replace(/e.*$/i, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((n, s) => n + utf8(s), 0);
  if (value.NS) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if (value.BS) return value.BS.reduce((n, b) => n + b.byteLength, 0);
  if (value.L) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((n, [k, v]) => n + 1 + utf8(k) + valueSize(v), 0);
  return 0;
}

/** Bytes of one item as DynamoDB counts them for capacity and storage (without the overhead). */
export function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueSize(value), 0);
}
