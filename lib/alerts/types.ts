/** Alerts: conditions found by the rules, and the records the state machine keeps for them. */

/**
 * The API's kinds (shared/reference/api-v1.md, plus `http-5xx` of a backend, `response-time` of a server and
 * `lb-disagree` of a server two load balancers disagree about).
 * "No usable server" is a `down` of a backend; "pool unstable" a `flapping` of a pool.
 */
export const ALERT_KINDS = [
  'flapping',
  'down',
  'backup-only',
  'latency',
  'source-error',
  'no-local-traefik',
  'http-5xx',
  'response-time',
  'lb-disagree',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = 'critical' | 'warning';

export interface AlertTarget {
  instance: string | null;
  backend: string | null;
  server: string | null;
  pool: string | null;
}

/** A target naming only what is given: the rest is null. */
export const alertTarget = (t: Partial<AlertTarget>): AlertTarget => ({
  instance: null,
  backend: null,
  server: null,
  pool: null,
  ...t,
});

/** A rule's finding at one evaluation: the condition holds now. */
export interface AlertCondition {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  target: AlertTarget;
  summary: string;
  /** How long the condition must hold before the alert fires (0 = at once). */
  graceMs: number;
  /** Id of the alert that groups this one (a pool alert over its servers' flap alerts). */
  groupId: string | null;
}

export type AlertState = 'pending' | 'firing' | 'resolved';

export interface AlertRecord extends AlertCondition {
  state: AlertState;
  /** When the condition was first seen (pending) — `since` in the API once firing. */
  since: number;
  firedAt: number | null;
  resolvedAt: number | null;
  /** Set when the grouping alert fires: the per-server alert is listed under it and not notified alone. */
  inhibitedBy: string | null;
  /** When the summary last changed (in memory only; after a restart the firing time stands in). */
  summaryAt?: number;
}

export interface AlertChange {
  alert: AlertRecord;
  change: 'fired' | 'resolved' | 'updated';
}
