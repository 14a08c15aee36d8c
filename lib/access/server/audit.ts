import 'server-only';
/** The audit log: who changed what and when. Every acknowledge, mute, unmute, token, user and share-link change. */
import type { AuditEntryDto } from '@/lib/api/schemas/access';
import type { Store } from '@/lib/store';
import { actorName, type Principal } from '../identity';

export type AuditAction =
  | 'alert.acknowledge'
  | 'alert.mute'
  | 'alert.unmute'
  | 'user.create'
  | 'user.update'
  | 'user.delete'
  | 'token.create'
  | 'token.revoke'
  | 'share.create'
  | 'share.revoke'
  | 'session.sign-in';

export async function recordAudit(
  store: Pick<Store, 'access'>,
  who: Principal | string,
  action: AuditAction,
  target: string | null,
  detail: string | null,
  now: number,
): Promise<void> {
  const actor = typeof who === 'string' ? who : actorName(who);
  await store.access.appendAudit({ at: now, actor, action, target, detail });
}

export async function auditEntries(
  store: Pick<Store, 'access'>,
  options: { limit: number; before?: number },
): Promise<AuditEntryDto[]> {
  return (await store.access.listAudit(options)).map((row) => ({
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: row.detail,
  }));
}
