import { describe, expect, test } from 'vitest';
import { noTraffic } from '@/lib/health/traffic-rates';
import { httpRates } from '@/lib/testing/http-rates';
import type { Frontend, Listener } from '@/lib/health/types';
import { DEFAULT_THRESHOLDS } from '../server-table/abnormal';
import {
  columnGroups,
  FRONTEND_COLUMNS,
  frontendStatusLook,
  sameFrontendRow,
  summarizeFrontends,
  toFrontendRows,
} from './frontends-view';

function makeFrontend(overrides: Partial<Frontend> = {}): Frontend {
  return {
    instance: 'lb1',
    name: 'www',
    status: 'OPEN',
    mode: 'http',
    sessions: { current: 3, max: 12, limit: 2000, total: 500 },
    sessionRate: { current: 2, max: 9, limit: null },
    requestRate: { current: 4, max: 30 },
    counters: {
      ...noTraffic(),
      deniedRequests: 7,
      deniedResponses: 0,
      deniedConnections: 1,
      deniedSessions: 0,
      requestErrors: 12,
      http1xx: 0,
      http2xx: 9000,
      http3xx: 40,
      http4xx: 300,
      http5xx: 25,
      httpOther: 0,
      bytesIn: 2_500_000,
      bytesOut: 3 * 1024 ** 3,
    },
    rates: httpRates({ http2xx: 19, http5xx: 1 }),
    listeners: [],
    ...overrides,
  };
}

const listener: Listener = {
  name: 'sock-1',
  status: 'OPEN',
  address: '127.0.0.1:80',
  sessions: { current: 1, max: 4, limit: 2000, total: 90 },
  counters: { ...noTraffic(), bytesIn: 512, bytesOut: 2048 },
  rates: noTraffic(),
};

const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

test('headings over the figures, as the stats page groups them', () => {
  expect(columnGroups(FRONTEND_COLUMNS)).toEqual([
    { label: 'Sessions', span: 2 },
    { label: 'Requests', span: 1 },
    { label: 'Denied', span: 4 },
    { label: 'Errors', span: 1 },
    { label: 'HTTP responses', span: 7 },
    { label: 'Bytes', span: 2 },
  ]);
});

describe('rows', () => {
  test('a frontend: sessions, rates, denied, errors, responses by class with the 5xx rate, bytes', () => {
    const [group] = toFrontendRows([makeFrontend()], DEFAULT_THRESHOLDS);
    const row = group!.rows[0]!;
    expect([row.kind, row.name, row.detail, row.status.label]).toEqual(['frontend', 'www', 'http', 'OPEN']);
    expect(texts(row.cells)).toEqual([
      '3 / 12 / 2,000',
      '2 / 9 / –',
      '4 / 30',
      '7',
      '0',
      '1',
      '0',
      '12',
      '0',
      '9,000',
      '40',
      '300',
      '25',
      '0',
      '1.0/s · 5.0%',
      '2.4 MiB',
      '3.0 GiB',
    ]);
    expect(row.cells).toHaveLength(FRONTEND_COLUMNS.length);
    expect(row.cells[15]?.title).toBe('2,500,000 bytes');
  });

  test('the 5xx rate is flagged at the alert threshold, and not below it', () => {
    const at = toFrontendRows([makeFrontend()], DEFAULT_THRESHOLDS)[0]!.rows[0]!;
    expect(at.cells[14]?.abnormal).toBe('abnormal: at least 5 % of responses are 5xx');
    const below = toFrontendRows([makeFrontend()], { ...DEFAULT_THRESHOLDS, http5xxPct: 6 })[0]!.rows[0]!;
    expect(below.cells[14]?.abnormal).toBeNull();
  });

  test('a tcp frontend has dashes where HAProxy has no HTTP figures', () => {
    const tcp = makeFrontend({
      mode: 'tcp',
      requestRate: { current: null, max: null },
      counters: noTraffic(),
      rates: noTraffic(),
    });
    const row = toFrontendRows([tcp], DEFAULT_THRESHOLDS)[0]!.rows[0]!;
    expect(row.detail).toBe('tcp');
    expect(texts(row.cells).slice(2)).toEqual(Array(15).fill('–'));
  });

  test('listeners follow their frontend, with their address', () => {
    const rows = toFrontendRows([makeFrontend({ listeners: [listener] })], DEFAULT_THRESHOLDS)[0]!.rows;
    expect(rows.map((r) => [r.kind, r.key])).toEqual([
      ['frontend', 'lb1/www'],
      ['listener', 'lb1/www/sock-1'],
    ]);
    expect(rows[1]?.detail).toBe('127.0.0.1:80');
    expect(texts(rows[1]!.cells).slice(0, 3)).toEqual(['1 / 4 / 2,000', '–', '–']);
    expect(texts(rows[1]!.cells).slice(-2)).toEqual(['512 B', '2.0 KiB']);
  });

  test('grouped by instance in snapshot order, counting frontends, not listeners', () => {
    const groups = toFrontendRows(
      [
        makeFrontend({ instance: 'lb-b', name: 'www', listeners: [listener] }),
        makeFrontend({ instance: 'lb-a', name: 'stats' }),
        makeFrontend({ instance: 'lb-b', name: 'api' }),
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(groups.map((g) => [g.instance, g.frontends, g.rows.map((r) => r.name)])).toEqual([
      ['lb-b', 2, ['www', 'sock-1', 'api']],
      ['lb-a', 1, ['stats']],
    ]);
  });
});

test.each([
  ['OPEN', 'up', 'circle'],
  ['FULL', 'going-down', 'triangle-down'],
  ['STOP', 'maint', 'pause'],
  ['', 'nolb', 'diamond'],
])('status %j looks %s with a %s', (status, tone, shape) => {
  expect(frontendStatusLook(status)).toMatchObject({ tone, shape });
});

test('the summary counts the frontends that want a look', () => {
  const summary = summarizeFrontends(
    [
      makeFrontend({ status: 'FULL' }),
      makeFrontend({ status: 'STOP', rates: noTraffic() }),
      makeFrontend({ rates: httpRates({ http2xx: 100, http5xx: 0 }) }),
    ],
    DEFAULT_THRESHOLDS,
  );
  expect(summary).toEqual({ total: 3, full: 1, stopped: 1, abnormal5xx: 1 });
});

test('a row built again from the same frontend shows the same; one whose figure or highlight moved does not', () => {
  const rowOf = (frontend: Frontend, thresholds = DEFAULT_THRESHOLDS) =>
    toFrontendRows([frontend], thresholds)[0]!.rows[0]!;
  const frontend = makeFrontend();
  expect(sameFrontendRow(rowOf(frontend), rowOf(makeFrontend()))).toBe(true);
  const busier = makeFrontend({ counters: { ...frontend.counters, http2xx: 9001 } });
  expect(sameFrontendRow(rowOf(frontend), rowOf(busier))).toBe(false);
  // The same figures past a lower 5xx threshold: highlighted now.
  expect(sameFrontendRow(rowOf(frontend), rowOf(frontend, { ...DEFAULT_THRESHOLDS, http5xxPct: 1 }))).toBe(
    false,
  );
  expect(sameFrontendRow(rowOf(frontend), rowOf(makeFrontend({ status: 'FULL' })))).toBe(false);
});
