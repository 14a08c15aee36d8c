'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { EmbedTheme } from '@/lib/embeds/embed-params';
import styles from './embed.module.css';

/**
 * The embed's outermost box. Tells the parent page its height on every resize
 * (`{ type: 'hapscope:height', height, id }`), and follows the viewer's OS theme when theme=auto.
 */
export function EmbedRoot({ id, theme, children }: { id: string; theme: EmbedTheme; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      // '*': the height is no secret, and the wiki's origin is not known here; the snippet checks e.origin.
      window.parent.postMessage({ type: 'hapscope:height', height, id }, '*');
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, [id]);

  useEffect(() => {
    if (theme !== 'auto') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.documentElement.setAttribute('data-theme', media.matches ? 'dark' : 'light');
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);

  return (
    <div ref={ref} className={styles.root} data-testid="embed-root">
      {children}
    </div>
  );
}
