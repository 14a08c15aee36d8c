/**
 * Which tab turns alert changes into OS notifications. With Web Locks the tab holding `hapscope-notifier` does
 * (held for the tab's life; the next tab takes over when it closes); without, the BroadcastChannel claims decide.
 */
import { ClaimArbiter, type Claim, type ClaimTransport } from './notify-claims';

export const NOTIFIER_LOCK = 'hapscope-notifier';
const CHANNEL = 'hapscope-alert-claims';

export type NotifierRole = 'leader' | 'follower' | 'shared' | 'none';

export interface NotifierGate {
  decide(key: string): Promise<boolean>;
  close(): void;
}

export function openNotifierGate(onRole: (role: NotifierRole) => void): NotifierGate {
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) return lockGate(onRole);
  if (typeof BroadcastChannel !== 'undefined') return claimGate(onRole);
  onRole('none');
  // One tab and nothing to coordinate with: notify every change once.
  const seen = new Set<string>();
  return {
    decide: async (key) => !seen.has(key) && Boolean(seen.add(key)),
    close: () => {},
  };
}

function lockGate(onRole: (role: NotifierRole) => void): NotifierGate {
  let leader = false;
  let release = () => {};
  const abort = new AbortController();
  const seen = new Set<string>();
  onRole('follower');
  navigator.locks
    .request(NOTIFIER_LOCK, { signal: abort.signal }, () => {
      leader = true;
      onRole('leader');
      return new Promise<void>((resolve) => (release = resolve));
    })
    .catch(() => {
      // Aborted while waiting: the tab closed or the provider unmounted.
    });
  return {
    decide: async (key) => leader && !seen.has(key) && Boolean(seen.add(key)),
    close: () => {
      leader = false;
      abort.abort();
      release();
    },
  };
}

function claimGate(onRole: (role: NotifierRole) => void): NotifierGate {
  const channel = new BroadcastChannel(CHANNEL);
  const transport: ClaimTransport = {
    post: (claim) => channel.postMessage(claim),
    listen: (onClaim) => {
      const handler = (event: MessageEvent<Claim>) => {
        if (event.data?.type === 'claim') onClaim(event.data);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
  };
  const arbiter = new ClaimArbiter({ tabId: crypto.randomUUID(), transport });
  onRole('shared');
  return {
    decide: (key) => arbiter.decide(key),
    close: () => {
      arbiter.close();
      channel.close();
    },
  };
}
