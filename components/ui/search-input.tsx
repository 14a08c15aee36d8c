import { memo, type InputHTMLAttributes, type Ref } from 'react';
import styles from './search-input.module.css';

export interface SearchInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  value: string;
  onValueChange: (value: string) => void;
  /** Visible only to assistive technology; the placeholder is not a label. */
  label: string;
  /** A keyboard shortcut shown inside the box, e.g. "/". */
  shortcut?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A search box with a label, a clear button and Escape to clear. Drawn again only when its props change: each render
 * of a controlled input rewrites its name and type attributes, and the bar around it changes with every poll.
 */
export const SearchInput = memo(function SearchInput({
  value,
  onValueChange,
  label,
  shortcut,
  ref,
  id,
  ...rest
}: SearchInputProps) {
  const inputId = id ?? 'search';
  return (
    <div className={styles.wrap}>
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <svg className={styles.icon} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="7" cy="7" r="4.8" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="m10.6 10.6 3.6 3.6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        {...rest}
        ref={ref}
        id={inputId}
        type="search"
        className={styles.input}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onValueChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onValueChange('');
          }
        }}
      />
      {value ? (
        <button
          type="button"
          className={styles.clear}
          onClick={() => onValueChange('')}
          aria-label="Clear search"
        >
          ×
        </button>
      ) : shortcut ? (
        <kbd className={styles.kbd} aria-hidden="true">
          {shortcut}
        </kbd>
      ) : null}
    </div>
  );
});
