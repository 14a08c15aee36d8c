'use client';

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';
import { popoverPosition } from './popover-position';
import styles from './popover.module.css';

const FOCUSABLE = 'input:not(:disabled), button:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

export interface PopoverProps {
  /** The button's content (its text names the popover). */
  trigger: ReactNode;
  /** The dialog's accessible name. */
  label: string;
  title?: string;
  children: ReactNode;
  testId?: string;
}

/**
 * A button that opens a non-modal dialog below it (kept inside the viewport). Opening focuses the first control
 * inside; Esc, a click outside or Tab past its end closes it, and Esc returns focus to the button.
 */
export function Popover({ trigger, label, title, children, testId }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = button.current?.getBoundingClientRect();
      const box = panel.current?.getBoundingClientRect();
      if (!anchor || !box) return;
      setPosition(popoverPosition(anchor, box, { width: window.innerWidth, height: window.innerHeight }));
    };
    place();
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    // Fixed to the viewport: follow the button when the page (or a box around it) scrolls or resizes.
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, close]);

  return (
    <div
      ref={wrapper}
      className={styles.wrapper}
      onKeyDown={(event) => {
        if (open && event.key === 'Escape') {
          event.stopPropagation();
          close(true);
        }
      }}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (open && next && !wrapper.current?.contains(next)) close(false);
      }}
    >
      <Button
        ref={button}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-haspopup="dialog"
        title={title}
        onClick={() => setOpen((was) => !was)}
        data-testid={testId}
      >
        {trigger}
      </Button>
      {open ? (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label={label}
          className={styles.panel}
          // Unplaced for one layout pass only (never painted); opacity, not visibility, so that it can take focus.
          style={position ? { top: position.top, left: position.left } : { top: 0, left: 0, opacity: 0 }}
          data-testid={testId ? `${testId}-panel` : undefined}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
