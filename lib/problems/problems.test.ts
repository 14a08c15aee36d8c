import { expect, test } from 'vitest';
import { listProblems, type PartFacts } from './problems';
import type { StoreFacts } from './store-problems';

const store: StoreFacts = {
  file: '/data/hapscope.db',
  fault: null,
  backlog: { polls: 0, dropped: 0 },
  unsavedAlertChanges: 0,
  movedAside: [],
};

const healthy: PartFacts = {
  kubernetes: { enabled: true, ok: true, error: null },
  store,
  alertsOff: false,
  signIn: [],
};

test.each<[string, Partial<PartFacts>, string[]]>([
  ['all well', {}, []],
  ['Kubernetes off by choice', { kubernetes: { enabled: false, ok: false, error: null } }, []],
  [
    'Kubernetes denied',
    {
      kubernetes: {
        enabled: true,
        ok: false,
        error: 'forbidden: list nodes (needs get/list/watch on nodes)',
      },
    },
    [
      'Kubernetes: forbidden: list nodes (needs get/list/watch on nodes) — pools and node placement are unknown ' +
        'until it answers (check KUBECONFIG, the service account and its RBAC)',
    ],
  ],
  [
    'disk full',
    {
      store: {
        ...store,
        fault: {
          fault: { kind: 'disk-full', code: 'SQLITE_FULL', detail: 'database or disk is full' },
          since: Date.parse('2026-12-06T18:15:00Z'),
          parts: ['recorder'],
        },
        backlog: { polls: 3, dropped: 0 },
      },
    },
    [
      'History store /data/hapscope.db: the disk is full (SQLITE_FULL) since 2026-12-06T18:15:00Z — history is not ' +
        'recorded: 3 polls wait in memory, written once it recovers; free space on the disk that holds /data (or ' +
        'point DATA_DIR at a larger one); recording resumes by itself',
    ],
  ],
  [
    'the OpenID provider down',
    { signIn: ['Sign-in (AUTH_MODE=oidc): the provider does not answer'] },
    ['Sign-in (AUTH_MODE=oidc): the provider does not answer'],
  ],
  [
    'alerts off',
    { alertsOff: true },
    [
      'Alerts are off: the alert engine failed to start (the log says why); restart hapscope once that is fixed',
    ],
  ],
])('%s', (_name, over, expected) => {
  expect(listProblems({ ...healthy, ...over })).toEqual(expected);
});
