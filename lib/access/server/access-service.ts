import 'server-only';
/**
 * The one place access is decided (api-v1.md "Access"): every route, page, stream, embed and badge asks
 * `authorize` with the role it needs (and, for what an embed reads, which share scopes may read it). State changes
 * also pass the same-origin rule here, in every mode, `none` included.
 */
import { jsonError } from '@/lib/api/errors';
import type { MeDto } from '@/lib/api/schemas/access';
import { crossSiteWriteRefusal, ownOrigin } from '@/lib/api/same-origin';
import type { Config } from '@/lib/config';
import type { Store } from '@/lib/store';
import type { Identity, Principal, ShareScope } from '../identity';
import { ROLE_CAN, roleAtLeast, type Role } from '../roles';
import type { AccessState } from './access-state';
import { identify } from './identify';

export interface AccessParts {
  config: Pick<Config, 'auth' | 'publicOrigin' | 'embedTokenSecret'>;
  store: Pick<Store, 'access'>;
  access: AccessState;
}

/** A read that a share link may make too: `share` says which scopes cover it. */
export interface ShareableRead {
  role: 'viewer';
  share: (scope: ShareScope) => boolean;
  /** Embeds and badges: the `token` query parameter (an `<img>` or a frame URL cannot carry a header). */
  queryToken?: string | null;
}

export type Denied = { ok: false; response: Response };

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A person or token with at least `need`; state changes must also be same-origin JSON or token-borne. */
export function authorize(
  parts: AccessParts,
  request: Request,
  need: Role,
  now: number,
): Promise<{ ok: true; who: Principal } | Denied>;
/** A read open to viewers and to the share links whose scope covers it. */
export function authorize(
  parts: AccessParts,
  request: Request,
  need: ShareableRead,
  now: number,
): Promise<{ ok: true; who: Identity } | Denied>;
export async function authorize(
  parts: AccessParts,
  request: Request,
  need: Role | ShareableRead,
  now: number,
): Promise<{ ok: true; who: Identity } | Denied> {
  if (!SAFE.has(request.method.toUpperCase())) {
    const refusal = crossSiteWriteRefusal(request, ownOrigin(request, parts.config.publicOrigin));
    if (refusal) return deny(403, 'forbidden', refusal);
  }
  const role = typeof need === 'string' ? need : need.role;
  const found = await identify(
    parts,
    typeof need === 'string'
      ? { headers: request.headers }
      : { headers: request.headers, queryToken: need.queryToken, shareable: true },
    now,
  );
  if ('refused' in found)
    return deny(found.status, found.status === 401 ? 'unauthenticated' : 'forbidden', found.refused);
  const { who } = found;
  if (!who) return deny(401, 'unauthenticated', 'sign in first, or send Authorization: Bearer <API token>');
  if (who.kind === 'share') {
    if (typeof need !== 'string' && need.share(who.scope)) return { ok: true, who };
    return deny(
      403,
      'forbidden',
      `this share link shows only the ${who.scope.panel} panel of ${who.scope.target}`,
    );
  }
  if (!roleAtLeast(who.role, role))
    return deny(403, 'forbidden', `needs the ${role} role (you are ${who.role}): ${role}s ${ROLE_CAN[role]}`);
  return { ok: true, who };
}

const deny = (status: number, code: string, message: string): Denied => ({
  ok: false,
  response: jsonError(status, code, message),
});

/** GET /api/v1/me. */
export function meDto(parts: Pick<AccessParts, 'config'>, who: Principal): MeDto {
  return { user: { name: who.name, role: who.role }, mode: parts.config.auth.mode, via: who.via };
}

/** The person a page is for; null: send the browser to sign in. Share grants never open a dashboard page. */
export async function pageViewer(
  parts: AccessParts,
  headers: Headers,
  now: number,
): Promise<Principal | null> {
  const found = await identify(parts, { headers }, now);
  return 'who' in found && found.who?.kind === 'principal' ? found.who : null;
}
