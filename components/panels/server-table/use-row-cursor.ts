'use client';

import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

const KEYS_DOWN = ['ArrowDown', 'j'];
const KEYS_UP = ['ArrowUp', 'k'];

/**
 * hatop-style row cursor for a virtualized table: ↑/↓ (or k/j), Home/End move focus between rows, scrolling
 * the row into view first since off-screen rows are not rendered. Returns the table's key handler.
 */
export function useRowCursor(
  scrollRef: RefObject<HTMLDivElement | null>,
  rowCount: number,
  rowHeight: number,
  headerHeight: number,
  onActivate?: (index: number, key: string) => void,
): (event: KeyboardEvent<HTMLDivElement>) => void {
  const [target, setTarget] = useState<number | null>(null);
  const pending = useRef(false);

  useEffect(() => {
    if (target === null || !pending.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`);
    if (el) {
      pending.current = false;
      el.focus({ preventScroll: true });
    }
  });

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
      else if (current !== null && focused === event.target) onActivate?.(current, event.key);
      if (next === null) return;
      event.preventDefault();
      const top = next * rowHeight;
      const visibleTop = container.scrollTop;
      const visibleBottom = visibleTop + container.clientHeight - headerHeight;
      if (top < visibleTop) container.scrollTop = top;
      else if (top + rowHeight > visibleBottom)
        container.scrollTop = top + rowHeight - (visibleBottom - visibleTop);
      pending.current = true;
      setTarget(next);
      // The row may already be rendered: focus it now rather than waiting for a render that may not come.
      const el = container.querySelector<HTMLElement>(`[data-row-index="${next}"]`);
      if (el) {
        pending.current = false;
        el.focus({ preventScroll: true });
      }
    },
    [scrollRef, rowCount, rowHeight, headerHeight, onActivate],
  );
}
