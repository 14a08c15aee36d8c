import { describe, expect, test } from 'vitest';
import { backendProblem, backendSpans, serverCountText } from './backend-row-view';
import { visibleColumns } from './column-choice';

const ids = (columns: readonly { id: string }[]) => columns.map((c) => c.id);

describe('backendSpans', () => {
  test('with node and pool columns the summary covers node, pool, check and latency', () => {
    const spans = backendSpans(visibleColumns(null, true));
    expect([spans.nameSpan, spans.summarySpan]).toEqual([3, 4]);
    expect(ids(spans.rest)).toEqual([
      'queue',
      'rate',
      'sessions',
      'last-session',
      'http-5xx-rate',
      'time-response',
      'last-change',
      'downtime',
      'checks',
      'uptime',
    ]);
  });

  test('without them it covers check and latency only', () => {
    const spans = backendSpans(visibleColumns(null, false));
    expect([spans.nameSpan, spans.summarySpan]).toEqual([3, 2]);
    expect(spans.rest[0]?.id).toBe('queue');
  });

  test('the name covers only the name-like columns shown; a hidden role leaves address to it', () => {
    const spans = backendSpans(visibleColumns(['address', 'check', 'bytes-in'], false));
    expect([spans.nameSpan, spans.summarySpan]).toEqual([2, 1]);
    expect(ids(spans.rest)).toEqual(['bytes-in']);
  });

  test('with no column between the name and the figures the summary has no cell of its own', () => {
    const spans = backendSpans(visibleColumns(['queue', 'weight'], false));
    expect([spans.nameSpan, spans.summarySpan]).toEqual([1, 0]);
    expect(ids(spans.rest)).toEqual(['queue', 'weight']);
  });

  // The default columns' minimum widths after the name: check 132 + latency 90 + queue 82 + rate 88 +
  // sessions 132 + last session 104 + 5xx 116 + response 108 + changed 98 + downtime 102 + chk/dwn 110 +
  // 24h 74 = 1236, and node 130 + pool 110 more with Kubernetes.
  test.each([
    [true, 1476],
    [false, 1236],
  ])('with Kubernetes columns %s, %i px of columns follow the name', (k8s, px) => {
    expect(backendSpans(visibleColumns(null, k8s)).afterName).toBe(px);
  });
});

test.each([
  [{ noUsableServer: true, servingFromBackup: false }, 'none'],
  [{ noUsableServer: true, servingFromBackup: true }, 'none'],
  [{ noUsableServer: false, servingFromBackup: true }, 'backup'],
  [{ noUsableServer: false, servingFromBackup: false }, null],
])('%o → %s', (backend, problem) => {
  expect(backendProblem(backend)).toBe(problem);
});

test.each([
  [3, 3, '3 servers'],
  [1, 1, '1 server'],
  [0, 0, '0 servers'],
  [1, 3, '1 of 3'],
])('%i matching of %i → %s', (matching, total, text) => {
  expect(serverCountText(matching, total)).toBe(text);
});
