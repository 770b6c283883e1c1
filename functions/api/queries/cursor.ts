/** Cursors are opaque to clients: the sort key of the last item served, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null): string | null {
  if (!cursor) return null;
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** One page of an already sorted list, after the cursor's key. */
export function pageOf<T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  cursor: string | null,
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const after = decodeCursor(cursor);
  const rest = after === null ? sorted : sorted.filter((item) => keyOf(item) > after);
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rest.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
