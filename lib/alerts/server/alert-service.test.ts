import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { alertTarget, type AlertRecord } from '@/lib/alerts/types';
import { EventStreams } from '@/lib/sse/event-streams';
import { openStore } from '@/lib/store';
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

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store holding one alert: its firing is the first stored change (seq 1). */
async function alertParts(): Promise<AlertParts & { change(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-alert-stream-'));
  const store = openStore(dir, config.retention);
  const alerts = new AlertEngine(config, { store, pools: () => [] });
  const streams = new EventStreams(2);
  cleanups.push(async () => {
    streams.closeAll();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await store.alerts.saveChanges([
    { id: 'episode-1', record: RECORD, change: 'fired', notifiable: true, at: NOW },
  ]);
  /** One stored change, sent to the streams as the service's own actions do. */
  const change = async () => {
    const event = await store.alerts.logAlertEvent('episode-1', 'muted', false, NOW, 'ops');
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
  const parts = await alertParts();
  for (let i = 1; i < 2500; i++) await parts.change();
  const response = alertStream(parts, '10.0.0.1', 1200, new AbortController().signal);
  const replayed = await readSeqs(response, 1300);
  expect([replayed.length, replayed[0], replayed.at(-1)]).toEqual([1300, 1201, 2500]);
  expect(replayed.every((seq, i) => seq === 1201 + i)).toBe(true);
  await parts.change();
  expect(await readSeqs(response, 1)).toEqual([2501]);
});

test('a stream without Last-Event-ID starts with the next change', async () => {
  const parts = await alertParts();
  for (let i = 1; i < 3; i++) await parts.change();
  const response = alertStream(parts, '10.0.0.1', null, new AbortController().signal);
  await parts.change();
  expect(await readSeqs(response, 1)).toEqual([4]);
});

test('a third stream from one address is refused (cap 2); another address is not', async () => {
  const parts = await alertParts();
  const open = (client: string) => alertStream(parts, client, null, new AbortController().signal).status;
  expect([open('10.0.0.1'), open('10.0.0.1'), open('10.0.0.1'), open('10.0.0.2')]).toEqual([
    200, 200, 429, 200,
  ]);
});
