/** The count shown in the document title and drawn over the favicon. */

const TITLE_COUNT = /^\(\d+\+?\)\s/;

/** "(3) hapscope"; with 0 the plain title. Any count already in front is replaced, not stacked. */
export function titleWithCount(title: string, count: number): string {
  const base = title.replace(TITLE_COUNT, '');
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
}

/** What fits in a favicon badge: up to two characters. */
export function faviconLabel(count: number): string {
  return count > 9 ? '9+' : String(count);
}
