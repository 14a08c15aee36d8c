import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, expect, test, vi } from 'vitest';
import { StoreError } from '@/lib/problems/store-fault';
import type { UptimeReport } from '@/lib/store';
import { cachedPoolUptime } from './pool-uptime';

const MINUTE = 60_000;
afterEach(() => vi.restoreAllMocks());

/** A history store whose 24 h uptime gives pool `a` the figure of the moment, or fails as told. */
function history() {
  const state = { pct: 99.5, fails: null as Error | null, reads: 0 };
  const uptime = async () => {
    state.reads += 1;
    if (state.fails) throw state.fails;
    return { pools: [{ pool: 'a', uptimePct: state.pct }] } as UptimeReport;
  };
  return { state, store: { history: { uptime } } };
}

test('read at start and again at most once a minute; the pools view gets the last figures read meanwhile', async () => {
  let now = 0;
  const { state, store } = history();
  const uptimeOf = cachedPoolUptime(store, () => now);
  expect(state.reads).toBe(1);
  await tick();
  expect(uptimeOf('a')).toBe(99.5);
  expect(uptimeOf('b')).toBeNull();
  state.pct = 90;
  now = MINUTE - 1;
  expect(uptimeOf('a')).toBe(99.5);
  expect(state.reads).toBe(1);
  now = MINUTE;
  expect(uptimeOf('a')).toBe(99.5); // the read just started: the figures before it
  expect(uptimeOf('a')).toBe(99.5);
  expect(state.reads).toBe(2); // one read at a time
  await tick();
  expect(uptimeOf('a')).toBe(90);
});

test('a store that fails gives no pool uptime, and is read again a minute later; a bug is logged', async () => {
  let now = 0;
  const { state, store } = history();
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  state.fails = new StoreError(
    { kind: 'io', code: 'SQLITE_IOERR', detail: 'disk I/O error' },
    '/data/hapscope.db',
  );
  const uptimeOf = cachedPoolUptime(store, () => now);
  await tick();
  expect(uptimeOf('a')).toBeNull();
  expect(errors).not.toHaveBeenCalled(); // the store reports its own faults
  state.fails = new TypeError('a bug');
  now = MINUTE;
  uptimeOf('a');
  await tick();
  expect(uptimeOf('a')).toBeNull();
  expect(errors).toHaveBeenCalledWith('[hapscope] pool uptime unavailable:', 'a bug');
  state.fails = null;
  now = 2 * MINUTE;
  uptimeOf('a');
  await tick();
  expect(uptimeOf('a')).toBe(99.5);
});
