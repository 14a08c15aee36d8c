'use client';

import { useCallback, type KeyboardEvent, type RefObject } from 'react';

const KEYS_DOWN = ['ArrowDown', 'j'];
const KEYS_UP = ['ArrowUp', 'k'];

/** Focuses a row once the virtualized table has rendered it (after a scroll, that takes a frame or two). */
function focusRow(container: HTMLElement, index: number, framesLeft = 10): void {
  const el = container.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
  if (el) el.focus({ preventScroll: true });
  else if (framesLeft > 0) requestAnimationFrame(() => focusRow(container, index, framesLeft - 1));
}

/** Scrolls just enough for the row to be entirely visible below the sticky header. */
function scrollRowIntoView(container: HTMLElement, index: number, rowHeight: number, headerHeight: number) {
  const top = index * rowHeight;
  const visibleHeight = container.clientHeight - headerHeight;
  if (top < container.scrollTop) container.scrollTop = top;
  else if (top + rowHeight > container.scrollTop + visibleHeight)
    container.scrollTop = top + rowHeight - visibleHeight;
}

/**
 * hatop-style row cursor for a virtualized table: ↑/↓ (or k/j), Home/End move focus between rows; other keys
 * on a focused row go to onActivate, which says whether it handled them. Returns the table's key handler.
 */
export function useRowCursor(
  scrollRef: RefObject<HTMLDivElement | null>,
  rowCount: number,
  rowHeight: number,
  headerHeight: number,
  onActivate?: (index: number, key: string) => boolean,
): (event: KeyboardEvent<HTMLDivElement>) => void {
  return useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const container = scrollRef.current;
      if (!container || rowCount === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      const focused = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
      const current = focused ? Number(focused.dataset.rowIndex) : null;
      let next: number | null = null;
      if (KEYS_DOWN.includes(event.key)) next = current === null ? 0 : Math.min(rowCount - 1, current + 1);
      else if (KEYS_UP.includes(event.key)) next = current === null ? 0 : Math.max(0, current - 1);
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = rowCount - 1;
      else if (current !== null && focused === event.target && onActivate?.(current, event.key)) {
        event.preventDefault();
      }
      if (next === null) return;
      event.preventDefault();
      scrollRowIntoView(container, next, rowHeight, headerHeight);
      focusRow(container, next);
    },
    [scrollRef, rowCount, rowHeight, headerHeight, onActivate],
  );
}
