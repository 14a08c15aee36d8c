/** Who a request comes from, as the access service resolved it. Pure and browser-safe. */
import type { Role } from './roles';

export const AUTH_MODES = ['local', 'oidc', 'proxy', 'none'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** How an identity was established. */
export type IdentityVia = 'session' | 'proxy' | 'none' | 'token';

/** A person or a script: a signed-in user, a trusted proxy's user, an API token, or everyone (`none`). */
export interface Principal {
  kind: 'principal';
  name: string;
  role: Role;
  via: IdentityVia;
  /** `local` or `oidc` for a session; the token's id for a token. */
  detail: string | null;
}

/** A share link (or an EMBED_TOKEN_SECRET token, or PUBLIC_EMBEDS): reads one panel and target, nothing else. */
export interface ShareGrant {
  kind: 'share';
  /** The share link's id; null for an EMBED_TOKEN_SECRET token or PUBLIC_EMBEDS. */
  shareId: string | null;
  scope: ShareScope;
}

/** `panel`: an embed panel or `*`; `target`: embedTargetKey (`i/b/s`, `i/b`, `pool:p`) or `*`. */
export interface ShareScope {
  panel: string;
  target: string;
}

export type Identity = Principal | ShareGrant;

/** The name the audit log and an alert's history show: the user, or the token's name. */
export const actorName = (who: Principal): string => (who.via === 'token' ? `token ${who.name}` : who.name);
