import 'server-only';
/** The audit log: who changed what and when. Every acknowledge, mute, unmute, token, user and share-link change. */
import type { AuditEntryDto } from '@/lib/api/schemas/access';
import type { HistoryStore } from '@/lib/store';
import { appendAudit, listAudit } from '@/lib/store/access-store';
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

export function recordAudit(
  store: HistoryStore,
  who: Principal | string,
  action: AuditAction,
  target: string | null,
  detail: string | null,
  now: number,
): void {
  const actor = typeof who === 'string' ? who : actorName(who);
  appendAudit(store.db(), { at: now, actor, action, target, detail });
}

export function auditEntries(
  store: HistoryStore,
  options: { limit: number; before?: number },
): AuditEntryDto[] {
  return listAudit(store.db(), options).map((row) => ({
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: row.detail,
  }));
}
