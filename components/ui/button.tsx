import type { ComponentProps } from 'react';
import styles from './button.module.css';

/** Every <button> prop, ref included (React 19 passes it as a prop). */
export interface ButtonProps extends ComponentProps<'button'> {
  variant?: 'default' | 'ghost';
  size?: 'sm' | 'md';
}

/** A plain button; with aria-pressed it renders as a toggle (pressed = accent). */
export function Button({
  variant = 'default',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={[styles.button, styles[variant], styles[size], className ?? ''].join(' ')}
      {...rest}
    />
  );
}
