import { describe, expect, test } from 'vitest';
import { backendProblem, backendSpans, serverCountText } from './backend-row-view';
import { visibleColumns } from './columns';

describe('backendSpans', () => {
  test('with node and pool columns the summary covers node, pool, check and latency', () => {
    const spans = backendSpans(visibleColumns({ node: true, pool: true }));
    expect([spans.nameSpan, spans.summarySpan]).toEqual([3, 4]);
    expect(spans.rest.map((c) => c.id)).toEqual([
      'queue',
      'sessions',
      'rate',
      'last-change',
      'downtime',
      'uptime',
      'checks',
    ]);
  });

  test('without them it covers check and latency only', () => {
    const spans = backendSpans(visibleColumns({ node: false, pool: false }));
    expect([spans.nameSpan, spans.summarySpan]).toEqual([3, 2]);
    expect(spans.rest[0]?.id).toBe('queue');
  });

  test.each([
    [true, 1138],
    [false, 898],
  ])('with Kubernetes columns %s, %i px of columns follow the name', (k8s, px) => {
    expect(backendSpans(visibleColumns({ node: k8s, pool: k8s })).afterName).toBe(px);
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
