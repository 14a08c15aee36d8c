/** The store contract (store-contract.ts): alert episodes, the change log, acknowledgements and mutes. */
import { expect, test } from 'vitest';
import { alertTarget, type AlertRecord } from '@/lib/alerts/types';
import type { AlertSave } from './store';
import type { Opened } from './store-contract';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function record(overrides: Partial<AlertRecord> = {}): AlertRecord {
  return {
    id: 'down:eu/web/a',
    kind: 'down',
    severity: 'critical',
    target: alertTarget({ instance: 'eu', backend: 'web', server: 'a' }),
    summary: 'eu/web/a is DOWN',
    graceMs: 0,
    groupId: null,
    state: 'firing',
    since: T0 - 10_000,
    firedAt: T0,
    resolvedAt: null,
    inhibitedBy: null,
    ...overrides,
  };
}

const save = (id: string, r: AlertRecord, change: AlertSave['change'], at: number): AlertSave => ({
  id,
  record: r,
  change,
  notifiable: true,
  at,
});

export function alertsContract({ fresh, reopen }: Opened): void {
  test('a fired alert is listed firing, logged with increasing numbers, and carried across a restart', async () => {
    let store = await fresh();
    const a = record();
    const b = record({
      id: 'down:eu/web/b',
      target: alertTarget({ instance: 'eu', backend: 'web', server: 'b' }),
    });
    const events = await store.alerts.saveChanges([
      save('A1', a, 'fired', T0),
      save('B1', b, 'fired', T0 + 1),
    ]);
    expect(events.map((e) => [e?.id, e?.change, e?.notify, e?.state])).toEqual([
      ['A1', 'fired', true, 'firing'],
      ['B1', 'fired', true, 'firing'],
    ]);
    expect(events[1]!.seq).toBeGreaterThan(events[0]!.seq);
    const center = await store.alerts.alertCenter(T0 - 3_600_000, T0 + 2);
    expect(center.lastEventSeq).toBe(events[1]!.seq);
    expect(center.mutes).toEqual([]);
    expect(await store.alerts.getAlert('A1', T0 + 2)).toEqual({
      id: 'A1',
      kind: 'down',
      severity: 'critical',
      state: 'firing',
      since: iso(T0 - 10_000),
      firedAt: iso(T0),
      resolvedAt: null,
      target: a.target,
      summary: 'eu/web/a is DOWN',
      groupId: null,
      inhibitedBy: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      mutedUntil: null,
    });

    store = await reopen(store);
    const firing = await store.alerts.loadFiringAlerts();
    expect([...firing.keys()].sort()).toEqual(['down:eu/web/a', 'down:eu/web/b']);
    expect(firing.get('down:eu/web/a')).toEqual({ id: 'A1', record: { ...a, graceMs: 0 } });
  });

  test('resolved: listed while recent, newest first after the firing; its changes oldest first', async () => {
    const store = await fresh();
    await store.alerts.saveChanges([save('A1', record(), 'fired', T0)]);
    await store.alerts.saveChanges([
      save('B1', record({ id: 'latency:eu/web/b', kind: 'latency', summary: 'slow' }), 'fired', T0 + 5),
    ]);
    const resolved = record({ state: 'resolved', resolvedAt: T0 + 60_000, summary: 'eu/web/a is UP' });
    const [event] = await store.alerts.saveChanges([save('A1', resolved, 'resolved', T0 + 60_000)]);
    expect(event).toMatchObject({
      id: 'A1',
      state: 'resolved',
      resolvedAt: iso(T0 + 60_000),
      summary: 'eu/web/a is UP',
    });
    const listed = (await store.alerts.alertCenter(T0, T0 + 61_000)).alerts;
    expect(listed.map((alert) => [alert.id, alert.state])).toEqual([
      ['B1', 'firing'],
      ['A1', 'resolved'],
    ]);
    expect((await store.alerts.alertCenter(T0 + 120_000, T0 + 121_000)).alerts.map((x) => x.id)).toEqual([
      'B1',
    ]);
    expect((await store.alerts.alertChanges('A1')).map((e) => e.change)).toEqual(['fired', 'resolved']);
    expect([...(await store.alerts.loadFiringAlerts()).keys()]).toEqual(['latency:eu/web/b']);
  });

  test('acknowledged: who and when, in the alert and its log; an unknown alert is no change', async () => {
    const store = await fresh();
    await store.alerts.saveChanges([save('A1', record(), 'fired', T0)]);
    expect(await store.alerts.acknowledgeAlert('A1', 'ada', T0 + 1000)).toBe(true);
    expect(await store.alerts.acknowledgeAlert('nope', 'ada', T0 + 1000)).toBe(false);
    const logged = await store.alerts.logAlertEvent('A1', 'acknowledged', false, T0 + 1000, 'ada');
    expect(logged).toMatchObject({
      id: 'A1',
      change: 'acknowledged',
      notify: false,
      by: 'ada',
      changedAt: iso(T0 + 1000),
      acknowledgedAt: iso(T0 + 1000),
      acknowledgedBy: 'ada',
    });
    expect(await store.alerts.logAlertEvent('nope', 'acknowledged', false, T0, 'ada')).toBeNull();
    const after = await store.alerts.eventsAfter(0);
    expect(after.map((e) => [e.id, e.change, e.by ?? null])).toEqual([
      ['A1', 'fired', null],
      ['A1', 'acknowledged', 'ada'],
    ]);
    expect(await store.alerts.eventsAfter(after[0]!.seq)).toEqual([after[1]]);
  });

  test('mutes: listed until they end; a muted target fires without notifying; covered alerts found', async () => {
    const store = await fresh();
    const backend = alertTarget({ instance: 'eu', backend: 'web' });
    const id = await store.alerts.addMute(backend, T0 + 3_600_000, 'deploy', T0, 'ada');
    const other = await store.alerts.addMute(alertTarget({ pool: 'p9' }), T0 + 60_000, null, T0);
    expect(other).not.toBe(id);
    expect(await store.alerts.getMute(id)).toEqual({ ...backend, until: T0 + 3_600_000 });
    expect(await store.alerts.listMutes(T0 + 120_000)).toEqual([
      {
        id,
        target: backend,
        until: iso(T0 + 3_600_000),
        createdAt: iso(T0),
        createdBy: 'ada',
        reason: 'deploy',
      },
    ]);
    const [muted, loud] = await store.alerts.saveChanges([
      save('A1', record(), 'fired', T0 + 1000),
      save(
        'P1',
        record({ id: 'flapping:p1', kind: 'flapping', target: alertTarget({ pool: 'p1' }) }),
        'fired',
        T0,
      ),
    ]);
    expect([muted?.notify, muted?.mutedUntil]).toEqual([false, iso(T0 + 3_600_000)]);
    expect([loud?.notify, loud?.mutedUntil]).toEqual([true, null]);
    expect(await store.alerts.alertsCoveredBy(backend, T0)).toEqual(['A1']);
    expect(await store.alerts.deleteMute(id)).toBe(true);
    expect(await store.alerts.deleteMute(id)).toBe(false);
    expect(await store.alerts.getMute(id)).toBeNull();
    expect((await store.alerts.getAlert('A1', T0 + 2000))?.mutedUntil).toBeNull();
  });
}
