// GET /api/v1/uptime's answer is computed once per poll and view: a real SQLite store, the collector's generation
// as the only clock of change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Collector } from '@/lib/collector/collector';
import { DEFAULT_RETENTION, openStore, type Store } from '@/lib/store';
import { shareReader, signedInViewer } from '@/lib/testing/identities';
import { uptimeResponse } from './history-service';

const NOW = Date.parse('2026-12-06T18:15:00Z');
let tmp = '';
let store: Store;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hapscope-uptime-response-'));
  store = openStore(tmp, DEFAULT_RETENTION, () => NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

const query = (key: string) => ({
  range: { from: NOW - 3_600_000, to: NOW, label: '1h' as const },
  key,
  options: {},
});
const ask = (
  collector: { generation: number },
  key = 'range=1h',
  headers: Record<string, string> = {},
  who = signedInViewer,
) =>
  uptimeResponse(
    { store, collector: collector as Collector },
    new Request('http://h/api/v1/uptime', { headers }),
    query(key),
    who,
  );

test('the same query and view within one poll reads the store once; the next poll reads it again', async () => {
  const reads = vi.spyOn(store.history, 'uptime');
  const collector = { generation: 5 };
  const first = await ask(collector);
  expect(first.status).toBe(200);
  expect((await first.json()).to).toBe(new Date(NOW).toISOString());
  const etag = first.headers.get('etag')!;
  expect((await ask(collector, 'range=1h', { 'if-none-match': etag })).status).toBe(304);
  expect(reads).toHaveBeenCalledTimes(1);
  await ask(collector, 'range=24h'); // another query
  await ask(collector, 'range=1h', {}, shareReader('uptime', 'pool:a')); // another view
  expect(reads).toHaveBeenCalledTimes(3);
  collector.generation = 6;
  const next = await ask(collector, 'range=1h', { 'if-none-match': etag });
  expect(next.status).toBe(200);
  expect(reads).toHaveBeenCalledTimes(4);
});

test('requests that come while the store is read wait for that one read', async () => {
  const reads = vi.spyOn(store.history, 'uptime');
  const collector = { generation: 7 };
  const answers = await Promise.all([ask(collector), ask(collector), ask(collector)]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  expect(new Set(answers.map((answer) => answer.headers.get('etag'))).size).toBe(1);
  expect(reads).toHaveBeenCalledTimes(1);
});
