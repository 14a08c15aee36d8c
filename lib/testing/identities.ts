import type { Identity } from '@/lib/access/identity';

/** A viewer signed in with a local session: a person, who may read every target. */
export const signedInViewer: Identity = {
  kind: 'principal',
  name: 'ann',
  role: 'viewer',
  via: 'session',
  detail: 'local',
};

/** A reader holding a share link for one panel of one target. */
export const shareReader = (panel: string, target: string, shareId = 'abc'): Identity => ({
  kind: 'share',
  shareId,
  scope: { panel, target },
});
