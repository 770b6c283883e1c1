export const PAGE_SIZE = 50;

export function cursorOf(query: Record<string, string | undefined>): string | null {
  const c = query.cursor;
  return c && c.length > 0 ? c : null;
}
