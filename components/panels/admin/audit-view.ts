/** The audit log's words: what each action means, and what it was done to. Pure. */

const ACTIONS: Record<string, string> = {
  'session.sign-in': 'signed in',
  'user.create': 'added a user',
  'user.update': 'changed a user',
  'user.delete': 'removed a user',
  'token.create': 'created an API token',
  'token.revoke': 'revoked an API token',
  'share.create': 'created a share link',
  'share.revoke': 'revoked a share link',
  'alert.acknowledge': 'acknowledged an alert',
  'alert.mute': 'muted',
  'alert.unmute': 'unmuted',
};

/** "user.create" → "added a user"; an action this page does not know yet is shown as the server names it. */
export const actionLabel = (action: string): string => ACTIONS[action] ?? action;

/** "user:alice" → "user alice"; "–" for none. */
export function targetLabel(target: string | null): string {
  if (!target) return '–';
  const colon = target.indexOf(':');
  return colon > 0 ? `${target.slice(0, colon)} ${target.slice(colon + 1)}` : target;
}
