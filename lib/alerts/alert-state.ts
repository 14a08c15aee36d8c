/**
 * The alert state machine: pending (condition seen, grace running) → firing → resolved. A pending alert whose
 * condition clears before its grace is dropped without a trace. A resolved alert that fires again starts anew.
 */
import type { AlertChange, AlertCondition, AlertRecord } from './types';

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
      changes.push({ alert: record, change: 'fired' });
    } else if (record.state === 'firing' && before && before.summary !== record.summary) {
      changes.push({ alert: record, change: 'updated' });
    }
    active.set(record.id, record);
  }
  for (const [id, before] of previous) {
    if (active.has(id) || before.state !== 'firing') continue;
    changes.push({ alert: { ...before, state: 'resolved', resolvedAt: now }, change: 'resolved' });
  }
  applyInhibition(active);
  return { active, changes };
}

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
