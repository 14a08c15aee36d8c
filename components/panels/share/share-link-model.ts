/**
 * The share dialog's words about who can open the snippets, and the share link it asks for. Pure: the dialog
 * reads the role, the sign-in mode and PUBLIC_EMBEDS; this says what follows from them.
 */
import type { AuthMode } from '@/lib/access/identity';
import { embedTargetKey } from '@/lib/embeds/embed-params';
import type { NewShareLink } from './share-link-requests';
import type { ShareChoice } from './share-snippets';

/** A minted link belongs to one panel and target: another choice in the dialog needs its own. */
export const shareLinkKey = (choice: ShareChoice) => `${choice.panel} ${embedTargetKey(choice.target)}`;

export function shareLinkRequest(
  choice: ShareChoice,
  label: string,
  expiresInDays: number | null,
): NewShareLink {
  return {
    panel: choice.panel,
    target: embedTargetKey(choice.target),
    label: label.trim() || null,
    expiresInDays,
  };
}

export interface ShareAccessView {
  /** Who can open the snippets as they are now. */
  note: string;
  /** Whether this person may create a share link (the server decides again). */
  canCreate: boolean;
}

export function shareAccessView(input: {
  mode: AuthMode;
  isAdmin: boolean;
  /** null while not known yet. */
  publicEmbeds: boolean | null;
  /** A link was minted for this choice: its token is in the snippets. */
  minted: boolean;
}): ShareAccessView {
  if (input.mode === 'none')
    return {
      note: 'Sign-in is off (AUTH_MODE=none): anyone who can reach hapscope sees these embeds and badges; no token is needed.',
      canCreate: false,
    };
  if (input.minted)
    return {
      note:
        'Share link created: its token is in every snippet below, for readers who are not signed in. Copy them now: ' +
        'the token is not shown again. Admins revoke it under Admin › Share links.',
      canCreate: false,
    };
  if (input.publicEmbeds)
    return {
      note: 'PUBLIC_EMBEDS is on: anyone who can reach hapscope sees every embed and badge; no token is needed.',
      canCreate: input.isAdmin,
    };
  if (input.isAdmin)
    return {
      note:
        'As they are, these snippets work only for people signed in to hapscope. For a wiki, create a share link: ' +
        'its token goes into every snippet, for this panel and target only.',
      canCreate: true,
    };
  return {
    note: 'These snippets work only for people signed in to hapscope. Only admins can create share links for wikis; ask one.',
    canCreate: false,
  };
}
