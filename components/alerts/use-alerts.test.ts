import { expect, test, vi } from 'vitest';
import { eventDto, alertDto } from './test-alerts';
import { AlertsHub, type AlertsParts } from './use-alerts';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');

function parts(stream: AlertsParts['stream'] = 'open'): AlertsParts {
  const none = async () => {};
  return {
    stream,
    notifications: {} as AlertsParts['notifications'],
    acknowledge: none,
    mute: none,
    unmute: none,
  };
}

test('readers find the first parts at once; the list, a poll’s events and the clock each tell them once', () => {
  const hub = new AlertsHub(NOW);
  expect(hub.read()).toBeNull();
  hub.initParts(parts());
  expect(hub.read()).toMatchObject({ stream: 'open', count: 0 });
  const listener = vi.fn();
  hub.subscribe(listener);

  // Firing: a, b (acknowledged: not counted), c (muted until 12:05: not counted until then).
  hub.applyList({
    alerts: [
      alertDto('a'),
      alertDto('b', { acknowledgedAt: '2024-05-01T11:00:00.000Z', acknowledgedBy: 'ops' }),
      alertDto('c', { mutedUntil: '2024-05-01T12:05:00.000Z' }),
    ],
    mutes: [],
    lastEventId: 3,
  });
  expect(listener).toHaveBeenCalledTimes(1);
  expect(hub.read()?.count).toBe(1);

  // One poll: d fires, a resolves.
  hub.applyEvents([eventDto('d', 4, 'fired'), eventDto('a', 5, 'resolved', { state: 'resolved' })], NOW);
  expect(listener).toHaveBeenCalledTimes(2);
  expect(hub.read()?.count).toBe(1);
  expect([...hub.read()!.book.alerts.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);

  // The clock moves without changing the count: nobody is told.
  hub.setNow(NOW + 60_000);
  expect(listener).toHaveBeenCalledTimes(2);
  // c's mute runs out.
  hub.setNow(NOW + 6 * 60_000);
  expect(listener).toHaveBeenCalledTimes(3);
  expect(hub.read()?.count).toBe(2);

  // The same parts again: nothing; new ones (the stream closed): told, the book kept.
  const closed = parts('closed');
  hub.setParts(closed);
  hub.setParts(closed);
  expect(listener).toHaveBeenCalledTimes(4);
  expect(hub.read()).toMatchObject({ stream: 'closed', count: 2 });
  // initParts only ever takes the first.
  hub.initParts(parts('connecting'));
  expect(hub.read()?.stream).toBe('closed');
});
