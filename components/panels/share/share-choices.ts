/** What each dashboard panel offers to share: its own embed first, then the related ones. Pure. */
import type { ShareChoice } from './share-snippets';

export function backendShareChoices(instance: string, backend: string): ShareChoice[] {
  const target = { type: 'backend', instance, backend } as const;
  return [
    { panel: 'backend', target, label: `${backend}: status table` },
    { panel: 'uptime', target, label: `${backend}: uptime bar` },
    { panel: 'response-time', target, label: `${backend}: response-time chart` },
    { panel: 'errors', target, label: `${backend}: errors chart` },
    { panel: 'alerts', target, label: `${backend}: firing alerts` },
  ];
}

export function serverShareChoices(instance: string, backend: string, server: string): ShareChoice[] {
  const target = { type: 'server', instance, backend, server } as const;
  return [
    { panel: 'latency', target, label: `${server}: check-latency chart` },
    { panel: 'session-rate', target, label: `${server}: session-rate chart` },
    { panel: 'queue', target, label: `${server}: queue chart` },
    { panel: 'response-time', target, label: `${server}: response-time chart` },
    { panel: 'errors', target, label: `${server}: errors chart` },
    { panel: 'server', target, label: `${server}: status` },
    { panel: 'uptime', target, label: `${server}: uptime bar` },
  ];
}

export function poolShareChoices(pool: string): ShareChoice[] {
  const target = { type: 'pool', pool } as const;
  return [
    { panel: 'pool', target, label: `Pool ${pool}: card` },
    { panel: 'uptime', target, label: `Pool ${pool}: uptime bars` },
    { panel: 'alerts', target, label: `Pool ${pool}: firing alerts` },
  ];
}

export const POOL_MATRIX_CHOICES: ShareChoice[] = [
  { panel: 'pool-matrix', target: { type: 'none' }, label: 'Pool × backend matrix' },
];

export const ALERTS_CHOICES: ShareChoice[] = [
  { panel: 'alerts', target: { type: 'none' }, label: 'Firing alerts' },
];

/** The same choices with `panel`'s first (preselected in the dialog). */
export const preferring = (choices: readonly ShareChoice[], panel: ShareChoice['panel']): ShareChoice[] => [
  ...choices.filter((c) => c.panel === panel),
  ...choices.filter((c) => c.panel !== panel),
];
