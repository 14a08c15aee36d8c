/** The sign-in page's words and links. Pure. */
import { asSentence } from './message-text';

/** Where the identity provider's button goes; the server checks `next` again (safeNextPath). */

/**
 * What a refused sign-in says: the server's own words for a wrong name or password (the same for both, so the
 * page tells no one which user names exist) and for too many tries; a generic line for anything else.
 */
export function signInFailureText(status: number, message: string | null): string {
  if ((status === 401 || status === 429 || status === 409) && message) return asSentence(message);
  if (status === 429) return 'Too many failed sign-ins: wait a minute, then try again.';
  if (status === 0) return 'hapscope did not answer: check the connection, then try again.';
  return `Sign-in failed (HTTP ${status})${message ? `: ${asSentence(message)}` : '.'}`;
}
