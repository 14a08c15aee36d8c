/**
 * The alert state machine: pending (condition seen, grace running) → firing → resolved. A pending alert whose
 * condition clears before its grace is dropped without a trace. A resolved alert that fires again starts anew.
 */
import type { AlertChange, AlertCondition, AlertRecord } from './types';

/**
 * A firing alert's summary is saved again at most this often: figures in it (a 5xx share, a response time, a
 * flap count) move every poll, and each save is an event in the alert's log and on every SSE stream.
 */
export const SUMMARY_REFRESH_MS = 30_000;

export interface AlertStep {
  /** Every pending and firing alert after this evaluation. */
  active: Map<string, AlertRecord>;
  changes: AlertChange[];
}

export function advanceAlerts(
  previous: ReadonlyMap<string, AlertRecord>,
  conditions: readonly AlertCondition[],
  now: number,
): AlertStep {
  const active = new Map<string, AlertRecord>();
  const changes: AlertChange[] = [];
  for (const condition of conditions) {
    const before = previous.get(condition.id);
    const record: AlertRecord = before
      ? { ...before, ...condition, since: before.since }
      : { ...condition, state: 'pending', since: now, firedAt: null, resolvedAt: null, inhibitedBy: null };
    if (record.state === 'pending' && now - record.since >= condition.graceMs) {
      record.state = 'firing';
      record.firedAt = now;
      record.summaryAt = now;
      changes.push({ alert: record, change: 'fired' });
    } else if (before?.state === 'firing' && record.summary !== before.summary) {
      const summaryAt = before.summaryAt ?? before.firedAt ?? before.since;
      if (now - summaryAt < SUMMARY_REFRESH_MS) record.summary = before.summary;
      else record.summaryAt = now;
    }
    active.set(record.id, record);
  }
  applyInhibition(active);
  // After inhibition: a firing alert whose group fires or resolves is saved again, under it or on its own.
  for (const record of active.values()) {
    const before = previous.get(record.id);
    if (record.state === 'firing' && before?.state === 'firing' && isUpdated(before, record)) {
      changes.push({ alert: record, change: 'updated' });
    }
  }
  for (const [id, before] of previous) {
    if (active.has(id) || before.state !== 'firing') continue;
    changes.push({ alert: { ...before, state: 'resolved', resolvedAt: now }, change: 'resolved' });
  }
  return { active, changes };
}

/** Whether inhibited, not by what: records carried over a restart name their group by episode id, not rule key. */
const isUpdated = (before: AlertRecord, after: AlertRecord) =>
  before.summary !== after.summary || (before.inhibitedBy === null) !== (after.inhibitedBy === null);

/** A firing group alert (e.g. "pool unstable") inhibits the alerts it groups. */
function applyInhibition(active: Map<string, AlertRecord>): void {
  for (const record of active.values()) {
    const group = record.groupId ? active.get(record.groupId) : undefined;
    record.inhibitedBy = group?.state === 'firing' ? group.id : null;
  }
}

/** Whether a change should reach people (toasts, notifications): inhibited alerts only show under their group. */
export function isNotifiable(change: AlertChange): boolean {
  return change.alert.inhibitedBy === null;
}
