import 'server-only';
/** API tokens and share links: minted by an admin (the secret shown once), listed, revoked; every change audited. */
import type { ApiTokenDto, ShareLinkDto } from '@/lib/api/schemas/access';
import { EMBED_PANELS, isEmbedPanel } from '@/lib/embeds/embed-params';
import type { AccessStore, ApiTokenRow, ShareLinkRow, Store } from '@/lib/store';
import { formatToken } from '../credentials';
import type { Principal } from '../identity';
import { shareTargetProblem } from '../share-target';
import type { Role } from '../roles';
import { recordAudit } from './audit';
import { hashSecret, newCredential } from './secrets';

const DAY_MS = 86_400_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function lifeOf(row: ApiTokenRow | ShareLinkRow, now: number) {
  const state =
    row.revoked_at !== null
      ? 'revoked'
      : row.expires_at !== null && row.expires_at <= now
        ? 'expired'
        : 'active';
  return {
    id: row.id,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: iso(row.last_used_at),
    state,
  } as const;
}

const toTokenDto = (row: ApiTokenRow, now: number): ApiTokenDto => ({
  ...lifeOf(row, now),
  name: row.name,
  role: row.role,
});
const toShareDto = (row: ShareLinkRow, now: number): ShareLinkDto => ({
  ...lifeOf(row, now),
  panel: row.panel,
  target: row.target,
  label: row.label,
});

type CredentialColumns = Pick<ApiTokenRow, 'id' | 'secret_hash' | 'created_at' | 'created_by' | 'expires_at'>;

interface Minting<Fields> {
  kind: 'token' | 'share';
  fields: Fields;
  expiresInDays?: number | null;
  insert(access: AccessStore, row: CredentialColumns & Fields): Promise<void>;
  /** The audit entry's detail. */
  detail: string;
}

/** A new credential and its row (only the secret's hash is kept), inserted and audited as `<kind>.create`. */
type AccessParts = Pick<Store, 'access'>;

async function mint<Fields extends object>(
  store: AccessParts,
  who: Principal | string,
  { kind, fields, expiresInDays, insert, detail }: Minting<Fields>,
  now: number,
) {
  const credential = newCredential();
  const row = {
    id: credential.id,
    secret_hash: hashSecret(credential.secret),
    ...fields,
    created_at: now,
    created_by: typeof who === 'string' ? who : who.name,
    expires_at: expiresInDays ? now + expiresInDays * DAY_MS : null,
  };
  await insert(store.access, row);
  await recordAudit(store, who, `${kind}.create`, `${kind}:${row.id}`, detail, now);
  return { row: { ...row, revoked_at: null, revoked_by: null, last_used_at: null }, credential };
}

export const apiTokensDto = async (store: AccessParts, now: number) => ({
  tokens: (await store.access.listApiTokens()).map((row) => toTokenDto(row, now)),
});

export async function createApiToken(
  store: AccessParts,
  who: Principal | string,
  body: { name: string; role: Role; expiresInDays?: number | null },
  now: number,
): Promise<{ token: ApiTokenDto; secret: string }> {
  const { row, credential } = await mint(
    store,
    who,
    {
      kind: 'token',
      fields: { name: body.name, role: body.role },
      expiresInDays: body.expiresInDays,
      insert: (access, token) => access.insertApiToken(token),
      detail: `${body.name} (${body.role})`,
    },
    now,
  );
  return { token: toTokenDto(row, now), secret: formatToken('api', credential) };
}

export const shareLinksDto = async (store: AccessParts, now: number) => ({
  shares: (await store.access.listShareLinks()).map((row) => toShareDto(row, now)),
});

export type ShareCreation = { ok: true; share: ShareLinkDto; token: string } | { ok: false; message: string };

export async function createShareLink(
  store: AccessParts,
  who: Principal,
  body: { panel: string; target: string; label?: string | null; expiresInDays?: number | null },
  now: number,
): Promise<ShareCreation> {
  if (!isEmbedPanel(body.panel))
    return { ok: false, message: `panel: must be one of ${EMBED_PANELS.join(', ')}` };
  const targetProblem = shareTargetProblem(body.panel, body.target);
  if (targetProblem) return { ok: false, message: targetProblem };
  const { row, credential } = await mint(
    store,
    who,
    {
      kind: 'share',
      fields: { panel: body.panel, target: body.target, label: body.label ?? null },
      expiresInDays: body.expiresInDays,
      insert: (access, share) => access.insertShareLink(share),
      detail: `${body.panel} ${body.target}`,
    },
    now,
  );
  return { ok: true, share: toShareDto(row, now), token: formatToken('share', credential) };
}

/** false: no such token or link, or already revoked. */
export async function revokeApiToken(
  store: AccessParts,
  who: Principal,
  id: string,
  now: number,
): Promise<boolean> {
  const row = await store.access.getApiToken(id);
  if (!row || !(await store.access.revoke('api_tokens', id, who.name, now))) return false;
  await recordAudit(store, who, 'token.revoke', `token:${id}`, row.name, now);
  return true;
}

export async function revokeShareLink(
  store: AccessParts,
  who: Principal,
  id: string,
  now: number,
): Promise<boolean> {
  const row = await store.access.getShareLink(id);
  if (!row || !(await store.access.revoke('share_links', id, who.name, now))) return false;
  await recordAudit(store, who, 'share.revoke', `share:${id}`, `${row.panel} ${row.target}`, now);
  return true;
}
