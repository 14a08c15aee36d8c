import 'server-only';
/** What access keeps in the process between requests: the sign-in throttle, the trusted proxies, one-time warnings. */
import type { AuthConfig } from '@/lib/config/auth-settings';
import { SignInThrottle } from '../sign-in-throttle';
import { trustedProxies, type TrustedProxies } from './client-address';

export interface AccessState {
  throttle: SignInThrottle;
  trusted: TrustedProxies;
  /** Warnings already logged (an untrusted address sending identity headers is logged once per address). */
  warned: Set<string>;
  /** Sessions whose last_seen_at was written recently: written at most once a minute each. */
  touched: Map<string, number>;
  /** The first admin being created (local mode, first start): a sign-in waits for it rather than fail. */
  firstAdmin: Promise<void> | null;
  /** Faults that stop people signing in, for health `problems`: set when seen, cleared when gone. */
  problems: Map<'oidc' | 'peer', string>;
}

export function createAccessState(auth: AuthConfig): AccessState {
  return {
    throttle: new SignInThrottle(),
    trusted: trustedProxies(auth.proxy.trusted),
    warned: new Set(),
    touched: new Map(),
    firstAdmin: null,
    problems: new Map(),
  };
}

/** Logs a warning the first time its key is seen; bounded, so a flood of addresses cannot grow memory. */
export function warnOnce(state: AccessState, key: string, message: string): void {
  if (state.warned.has(key) || state.warned.size >= 1000) return;
  state.warned.add(key);
  console.warn(`[hapscope] ${message}`);
}
