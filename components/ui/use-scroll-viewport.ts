'use client';

import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

/**
 * The scroll position and height of a scroll container, for windowing, and whether it is scrolled sideways. Scroll
 * updates are coalesced to one per animation frame.
 */
export function useScrollViewport<T extends HTMLElement>(
  ref: RefObject<T | null>,
): {
  scrollTop: number;
  height: number;
  /** scrollLeft > 0: what sticks sideways only needs to stick from then on (see virtual-table.module.css). */
  scrolledSideways: boolean;
  onScroll: (event: UIEvent<T>) => void;
} {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const [scrolledSideways, setScrolledSideways] = useState(false);
  const frame = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);

  useLayoutEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const onScroll = useCallback((event: UIEvent<T>) => {
    const el = event.currentTarget;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setScrollTop(el.scrollTop);
      setScrolledSideways(el.scrollLeft > 0);
    });
  }, []);

  return { scrollTop, height, scrolledSideways, onScroll };
}
