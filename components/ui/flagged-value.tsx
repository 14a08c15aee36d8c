import styles from './flagged-value.module.css';

/**
 * A value past a threshold: a warning shape and tone, and the reason in its tooltip and in text for screen
 * readers, so it is never told by colour alone.
 */
export function FlaggedValue({ text, reason }: { text: string; reason: string }) {
  return (
    <span className={styles.flagged} title={reason} data-testid="abnormal">
      <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
        <path d="M5 0.6 9.6 9.2H0.4z" />
      </svg>
      {text}
      <span className="visually-hidden">, {reason}</span>
    </span>
  );
}
