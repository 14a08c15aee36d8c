import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { alertTarget, type AlertRecord } from '@/lib/alerts/types';
import { EventStreams } from '@/lib/sse/event-streams';
import { HistoryStore } from '@/lib/store';
import { logAlertEvent, saveAlert } from '@/lib/store/alert-store';
import { AlertEngine } from './alert-engine';
import { alertStream, type AlertParts } from './alert-service';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const config = parseConfig({ HAPROXY_STATS_URL: 'main=http://h:1/stats' });
const RECORD: AlertRecord = {
  id: 'down:main/web/agent1',
  kind: 'down',
  severity: 'critical',
  target: alertTarget({ instance: 'main', backend: 'web', server: 'agent1' }),
  summary: 'agent1 is DOWN',
  graceMs: 0,
  groupId: null,
  state: 'firing',
  since: NOW,
  firedAt: NOW,
  resolvedAt: null,
  inhibitedBy: null,
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function alertParts(): AlertParts & { change(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-alert-stream-'));
  const store = new HistoryStore(dir, config.retention);
  const alerts = new AlertEngine(config, { db: () => store.db(), pools: () => [] });
  const streams = new EventStreams(2);
  cleanups.push(() => {
    streams.closeAll();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  saveAlert(store.db(), 'episode-1', RECORD);
  /** One stored change, sent to the streams as the service's own actions do. */
  const change = () => {
    const event = logAlertEvent(store.db(), 'episode-1', 'muted', false, NOW, 'ops');
    if (event) alerts.emit(event);
  };
  return { store, alerts, streams, change };
}

async function readSeqs(response: Response, count: number): Promise<number[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seqs: number[] = [];
  let text = '';
  while (seqs.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    const frames = (text + decoder.decode(value, { stream: true })).split('\n\n');
    text = frames.pop()!;
    for (const frame of frames) {
      const id = /^id: (\d+)$/m.exec(frame);
      if (id) seqs.push(Number(id[1]));
    }
  }
  reader.releaseLock();
  return seqs;
}

test('a resumed stream replays every stored change after Last-Event-ID (more than one page), then live ones', async () => {
  const parts = alertParts();
  for (let i = 0; i < 2500; i++) parts.change();
  const response = alertStream(parts, '10.0.0.1', 1200, new AbortController().signal);
  const replayed = await readSeqs(response, 1300);
  expect([replayed.length, replayed[0], replayed.at(-1)]).toEqual([1300, 1201, 2500]);
  expect(replayed.every((seq, i) => seq === 1201 + i)).toBe(true);
  parts.change();
  expect(await readSeqs(response, 1)).toEqual([2501]);
});

test('a stream without Last-Event-ID starts with the next change', async () => {
  const parts = alertParts();
  for (let i = 0; i < 3; i++) parts.change();
  const response = alertStream(parts, '10.0.0.1', null, new AbortController().signal);
  parts.change();
  expect(await readSeqs(response, 1)).toEqual([4]);
});

test('a third stream from one address is refused (cap 2); another address is not', async () => {
  const parts = alertParts();
  const open = (client: string) => alertStream(parts, client, null, new AbortController().signal).status;
  expect([open('10.0.0.1'), open('10.0.0.1'), open('10.0.0.1'), open('10.0.0.2')]).toEqual([
    200, 200, 429, 200,
  ]);
});
