import type { ReactNode } from 'react';
import styles from './embed.module.css';

export interface EmbedCardProps {
  title: string;
  subtitle?: string;
  /** The dashboard page this panel comes from; opened in a new tab, never inside the frame. */
  href: string;
  showTitle: boolean;
  children: ReactNode;
  'data-testid'?: string;
}

/** A panel in a frame: an optional title line with a link out to the dashboard, then the content. */
export function EmbedCard({ title, subtitle, href, showTitle, children, ...rest }: EmbedCardProps) {
  return (
    <section className={styles.card} aria-label={title} data-testid={rest['data-testid']}>
      {showTitle ? (
        <header className={styles.head}>
          <h1 className={styles.title}>
            {title}
            {subtitle ? <span className={styles.subtitle}>{subtitle}</span> : null}
          </h1>
          <a className={styles.open} href={href} target="_blank" rel="noopener noreferrer">
            hapscope<span aria-hidden="true"> ↗</span>
            <span className={styles.srOnly}> (opens the dashboard in a new tab)</span>
          </a>
        </header>
      ) : null}
      {children}
    </section>
  );
}

/** What went wrong, said inside the frame (a wiki shows no console): bad parameters, an unknown target. */
export function EmbedProblem({ title, problems }: { title: string; problems: readonly string[] }) {
  return (
    <div className={styles.problem} role="alert" data-testid="embed-problem">
      <p className={styles.problemTitle}>{title}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function EmbedLoading() {
  return (
    <p className={styles.loading} aria-live="polite">
      Loading…
    </p>
  );
}
