/** The list answer for one page read with LIMIT/OFFSET and a count of all rows. */
export function pageAnswer<T>(
  items: T[],
  total: number,
  offset: number,
): { items: T[]; total: number; nextOffset: number | null } {
  const end = offset + items.length;
  return { items, total, nextOffset: end < total ? end : null };
}
