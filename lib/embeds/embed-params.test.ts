import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EMBED_PANELS, embedPath, embedTargetKey, parseEmbedParams, type EmbedPanel } from './embed-params';

const POLL_MS = 2000;
const parse = (panel: EmbedPanel, query: string, pollMs = POLL_MS) =>
  parseEmbedParams(panel, new URLSearchParams(query), pollMs);
const errorsOf = (panel: EmbedPanel, query: string) => {
  const parsed = parse(panel, query);
  return parsed.ok ? [] : parsed.errors;
};

describe('parseEmbedParams', () => {
  test('a backend embed with defaults', () => {
    const parsed = parse('backend', 'instance=demo&backend=codeserver_backend');
    expect(parsed).toEqual({
      ok: true,
      options: {
        panel: 'backend',
        target: { type: 'backend', instance: 'demo', backend: 'codeserver_backend' },
        range: '1h',
        refreshSec: 2,
        theme: 'auto',
        title: true,
        legend: true,
        transparent: false,
        id: 'backend',
        token: null,
      },
    });
  });

  test.each([
    ['range', 'range=2y', 'range: must be one of 1h, 6h, 24h, 7d, 30d, got "2y"'],
    ['theme', 'theme=purple', 'theme: must be one of auto, light, dark, got "purple"'],
    ['title', 'title=no', 'title: must be 0 or 1, got "no"'],
    ['legend', 'legend=2', 'legend: must be 0 or 1, got "2"'],
    ['bg', 'bg=red', 'bg: must be "transparent" or "default", got "red"'],
    ['refresh below the poll', 'refresh=1', 'refresh: must be at least 2 s (the poll interval), got 1'],
    ['refresh not a number', 'refresh=soon', 'refresh: must be a whole number of seconds, got "soon"'],
    ['refresh too slow', 'refresh=7200', 'refresh: must be at most 3600 s, got 7200'],
    ['id', 'id=<x>', 'id: must be 1-64 letters, digits or _ . : -'],
  ])('a bad %s is named with the reason', (_name, query, message) => {
    const errors = errorsOf('backend', `instance=demo&backend=b&${query}`);
    expect(errors.map((e) => `${e.param}: ${e.message}`)).toEqual([message]);
  });

  test('every bad parameter is reported at once', () => {
    expect(errorsOf('backend', 'instance=demo&backend=b&range=x&theme=y').map((e) => e.param)).toEqual([
      'range',
      'theme',
    ]);
  });

  test.each<[EmbedPanel, string, string | null]>([
    ['backend', 'instance=a&backend=b', 'a/b'],
    ['backend', 'instance=a', null],
    ['backend', 'instance=a&backend=b&server=c', null],
    ['server', 'instance=a&backend=b&server=c', 'a/b/c'],
    ['server', 'instance=a&backend=b', null],
    ['uptime', 'instance=a&backend=b&server=c', 'a/b/c'],
    ['uptime', 'instance=a&backend=b', 'a/b'],
    ['uptime', 'pool=eu', 'pool:eu'],
    ['uptime', '', null],
    ['latency', 'instance=a&backend=b&server=c', 'a/b/c'],
    ['queue', 'instance=a&backend=b', null],
    ['response-time', 'instance=a&backend=b&server=c', 'a/b/c'],
    ['response-time', 'instance=a&backend=b', 'a/b'],
    ['response-time', 'pool=eu', null],
    ['errors', 'instance=a&backend=b&server=c', 'a/b/c'],
    ['errors', 'instance=a&backend=b', 'a/b'],
    ['errors', '', null],
    ['pool', 'pool=eu', 'pool:eu'],
    ['pool', 'pool=eu&instance=a', null],
    ['pool-matrix', '', '*'],
    ['alerts', '', '*'],
    ['alerts', 'instance=a&backend=b', 'a/b'],
  ])('%s with %s → target %s', (panel, query, key) => {
    const parsed = parse(panel, query);
    expect(parsed.ok ? embedTargetKey(parsed.options.target) : null).toBe(key);
    if (!parsed.ok) expect(parsed.errors[0]!.param).toBe('target');
  });

  test('a missing target says what the panel needs', () => {
    expect(errorsOf('uptime', '')[0]!.message).toBe(
      'the uptime panel needs instance, backend and server, or instance and backend, or pool',
    );
    expect(errorsOf('errors', 'pool=eu')[0]!.message).toBe(
      'the errors panel needs instance, backend and server, or instance and backend',
    );
  });

  test('history panels refresh every 15 s, live ones at the poll interval (rounded up)', () => {
    const refresh = (panel: EmbedPanel, query: string, pollMs: number) => {
      const parsed = parse(panel, query, pollMs);
      return parsed.ok ? parsed.options.refreshSec : null;
    };
    expect(refresh('backend', 'instance=a&backend=b', 2500)).toBe(3);
    expect(refresh('latency', 'instance=a&backend=b&server=c', 2000)).toBe(15);
    expect(refresh('latency', 'instance=a&backend=b&server=c&refresh=5', 2000)).toBe(5);
    expect(refresh('alerts', 'refresh=2', 2000)).toBe(2);
    expect(refresh('response-time', 'instance=a&backend=b', 2000)).toBe(15);
    expect(refresh('errors', 'instance=a&backend=b&server=c', 2000)).toBe(15);
  });

  test('the response-time and errors charts look back an hour unless told, up to 30 days', () => {
    const range = (panel: EmbedPanel, query: string) => {
      const parsed = parse(panel, query);
      return parsed.ok ? parsed.options.range : parsed.errors.map((e) => e.param);
    };
    expect(range('response-time', 'instance=a&backend=b')).toBe('1h');
    expect(range('errors', 'instance=a&backend=b&range=30d')).toBe('30d');
    expect(range('errors', 'instance=a&backend=b&range=15m')).toEqual(['range']);
  });

  test('flags take 0/1 and true/false; bg=transparent', () => {
    const parsed = parse('alerts', 'title=0&legend=false&bg=transparent&theme=dark');
    expect(parsed.ok && parsed.options).toMatchObject({
      title: false,
      legend: false,
      transparent: true,
      theme: 'dark',
    });
  });
});

describe('embedPath', () => {
  test('writes only what differs from the defaults, and round-trips through the parser', () => {
    const path = embedPath(
      {
        panel: 'latency',
        target: { type: 'server', instance: 'demo', backend: 'api backend', server: 'a&b' },
        range: '24h',
        theme: 'dark',
        title: false,
        legend: true,
        refreshSec: 15,
      },
      POLL_MS,
    );
    expect(path).toBe(
      '/embed/latency?instance=demo&backend=api+backend&server=a%26b&range=24h&theme=dark&title=0',
    );
    const parsed = parse('latency', path.split('?')[1]!);
    expect(parsed.ok && parsed.options).toMatchObject({
      target: { type: 'server', instance: 'demo', backend: 'api backend', server: 'a&b' },
      range: '24h',
      theme: 'dark',
      title: false,
    });
  });

  test("a backend's errors chart round-trips with its range", () => {
    const path = embedPath(
      { panel: 'errors', target: { type: 'backend', instance: 'demo', backend: 'api' }, range: '7d' },
      POLL_MS,
    );
    expect(path).toBe('/embed/errors?instance=demo&backend=api&range=7d');
    expect(parse('errors', path.split('?')[1]!)).toMatchObject({
      ok: true,
      options: { target: { type: 'backend', instance: 'demo', backend: 'api' }, range: '7d', refreshSec: 15 },
    });
  });

  test('a panel without a target has no query at all', () => {
    expect(embedPath({ panel: 'pool-matrix', target: { type: 'none' } }, POLL_MS)).toBe('/embed/pool-matrix');
  });
});

test('every panel has its /embed page', () => {
  const app = path.resolve(__dirname, '../../app/embed');
  expect(EMBED_PANELS.filter((panel) => !existsSync(path.join(app, panel, 'page.tsx')))).toEqual([]);
});
