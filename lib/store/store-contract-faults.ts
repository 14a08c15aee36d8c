/**
 * The store contract (store-contract.ts): a database that goes away mid-use — every part's operation rejects with
 * a StoreError, `faults` says which parts fail; once it is back the same store works again, by itself.
 */
import { expect, test, vi } from 'vitest';
import { isStoreError } from '@/lib/problems/store-fault';
import type { Opened } from './store-contract';

const NOW = Date.parse('2026-12-01T12:00:00Z');

export function faultsContract({ fresh, harness }: Opened): void {
  test('gone: StoreErrors, and faults name the parts that failed; back: it works again and faults clear', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const store = await fresh();
      await store.meta.writeMeta('kept', 'yes');
      expect(store.faults.healthy).toBe(true);
      const end = await harness.outage(store);

      const failures = await Promise.all([
        store.meta.readMeta('kept').catch((error: unknown) => error),
        store.access
          .insertUser({ name: 'ada', role: 'admin', password_hash: 'h', created_at: NOW, created_by: null })
          .catch((error: unknown) => error),
        store.alerts
          .addMute({ instance: 'eu', backend: null, server: null, pool: null }, NOW + 1, null, NOW)
          .catch((error: unknown) => error),
        store.history.uptime({ from: NOW - 60_000, to: NOW }).catch((error: unknown) => error),
      ]);
      expect(failures.map((error) => isStoreError(error))).toEqual([true, true, true, true]);
      // "Last used" writes nobody waits for are reported, never thrown.
      await expect(store.access.touchSession('s1', NOW)).resolves.toBeUndefined();
      expect(store.faults.healthy).toBe(false);
      const status = store.faults.status();
      // The store cannot be opened (reached): every part's operation failed for that.
      expect(status.fault?.parts).toEqual(expect.arrayContaining(['open', 'reads']));
      expect(status.errorsTotal).toBeGreaterThan(0);
      expect(errors).toHaveBeenCalled(); // the log heard of it (once, throttled)

      await end();
      expect(await store.meta.readMeta('kept')).toBe('yes');
      expect(
        await store.access.insertUser({
          name: 'ada',
          role: 'admin',
          password_hash: 'h',
          created_at: NOW,
          created_by: null,
        }),
      ).toBe(true);
      await store.alerts.addMute(
        { instance: 'eu', backend: null, server: null, pool: null },
        NOW + 1,
        null,
        NOW,
      );
      expect(store.faults.healthy).toBe(true);
      expect(logs.mock.calls.map((call) => String(call[0]))).toEqual([
        expect.stringMatching(/^\[hapscope\] history store .* works again after/),
      ]);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });
}
