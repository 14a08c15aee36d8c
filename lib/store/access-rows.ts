/**
 * Access as the store keeps it (store.ts, `access`): users, sessions, API tokens, share links and the audit log.
 * Secrets are never stored, only their SHA-256 (lib/access/server/secrets.ts); rows are found by their public id.
 */
import type { Role } from '@/lib/access/roles';

export interface UserRow {
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
  created_by: string | null;
  last_sign_in_at: number | null;
}

export interface SessionRow {
  id: string;
  secret_hash: Buffer;
  user_name: string;
  role: Role;
  via: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface Revocable {
  id: string;
  secret_hash: Buffer;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
  last_used_at: number | null;
}

export interface ApiTokenRow extends Revocable {
  name: string;
  role: Role;
}

export interface ShareLinkRow extends Revocable {
  panel: string;
  target: string;
  label: string | null;
}

export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** Which kind of revocable credential: API tokens or share links. */
export type RevocableTable = 'api_tokens' | 'share_links';

/** Why a user change was refused: no such user, or it would leave no admin. */
export type UserRefusal = 'not-found' | 'last-admin';
