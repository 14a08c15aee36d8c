import 'server-only';
/**
 * Who may see an /embed/* page (api-v1.md "Access"): anyone signed in; a share link (or an EMBED_TOKEN_SECRET
 * token) for this panel and target; everyone when PUBLIC_EMBEDS=true. Anyone else gets, inside the frame, a
 * sentence a wiki reader can act on: a wiki shows no status code and no console.
 */
import { shareReadsEmbed } from '../share-reads';
import type { AccessParts } from './access-service';
import { identify } from './identify';

export type EmbedAccess = { ok: true } | { ok: false; title: string; message: string };

const ASK_AN_ADMIN = 'Ask a hapscope admin for a new share link.';

export async function authorizeEmbed(
  parts: Pick<AccessParts, 'config' | 'store' | 'access'>,
  headers: Headers,
  token: string | null,
  panel: string,
  targetKey: string,
  now: number,
): Promise<EmbedAccess> {
  const found = await identify(parts, { headers, queryToken: token, shareable: true }, now);
  if ('refused' in found) return refusal(found.refused, token !== null);
  const { who } = found;
  if (!who)
    return {
      ok: false,
      title: 'This embed needs a share link (ask a hapscope admin)',
      message:
        'People signed in to hapscope see it as it is; a wiki needs a link with a share token, which an admin ' +
        'creates in the Share dialog of this panel.',
    };
  if (who.kind === 'principal' || shareReadsEmbed(who.scope, panel, targetKey)) return { ok: true };
  return {
    ok: false,
    title: 'This share link is for another panel',
    message: `It shows the ${describePanel(who.scope.panel)} of ${describeTarget(who.scope.target)}, not the ${panel} panel of ${describeTarget(targetKey)}.`,
  };
}

/** identify's reasons ("this share link was revoked", "the token has expired" …) as the frame says them. */
function refusal(reason: string, withToken: boolean): EmbedAccess {
  if (/revoked/.test(reason))
    return { ok: false, title: 'This share link was revoked', message: ASK_AN_ADMIN };
  if (/expired/.test(reason))
    return { ok: false, title: 'This share link has expired', message: ASK_AN_ADMIN };
  if (withToken)
    return {
      ok: false,
      title: 'This share link is not valid',
      message: `${capitalize(reason)}. ${ASK_AN_ADMIN}`,
    };
  return { ok: false, title: 'This embed cannot be shown to you', message: `${capitalize(reason)}.` };
}

const describePanel = (panel: string) => (panel === '*' ? 'every panel' : `${panel} panel`);
const describeTarget = (target: string) => (target === '*' ? 'everything' : `“${target}”`);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
