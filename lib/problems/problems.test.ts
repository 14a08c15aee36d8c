import { expect, test } from 'vitest';
import { listProblems, type PartFacts } from './problems';

const healthy: PartFacts = {
  kubernetes: { enabled: true, ok: true, error: null },
  history: { file: '/data/hapscope.db', failure: null },
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
    { history: { file: '/data/hapscope.db', failure: 'database or disk is full' } },
    [
      'History store /data/hapscope.db: database or disk is full — polls are not recorded; check the disk and DATA_DIR',
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
      'Alerts are off: the history store /data/hapscope.db did not open at start-up; fix it and restart hapscope',
    ],
  ],
])('%s', (_name, over, expected) => {
  expect(listProblems({ ...healthy, ...over })).toEqual(expected);
});
