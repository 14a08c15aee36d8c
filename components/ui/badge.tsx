import type { HTMLAttributes, ReactNode } from 'react';
import styles from './badge.module.css';
import { ShapeIcon, type IconShape } from './shape-icon';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** A colour tone from globals.css (up, down, going-down, … ok, error, pending, neutral). */
  tone: string;
  shape?: IconShape;
  /** Filled background for states that must jump out (serving from backup, no usable server). */
  solid?: boolean;
  size?: 'sm' | 'md';
  children: ReactNode;
}

/** A status pill: colour, shape and text together, so no state depends on colour vision alone. */
export function Badge({ tone, shape, solid, size = 'md', children, className, ...rest }: BadgeProps) {
  return (
    <span
      {...rest}
      className={[styles.badge, styles[size], solid ? styles.solid : '', className ?? ''].join(' ')}
      data-tone={tone}
    >
      {shape ? <ShapeIcon shape={shape} className={styles.icon} /> : null}
      <span className={styles.text}>{children}</span>
    </span>
  );
}
