/** What the top bar's user menu offers to whom. Pure. */
import type { AuthMode } from '@/lib/access/identity';
import { ROLE_CAN, type Role } from '@/lib/access/roles';

export interface UserMenuView {
  /** The trigger's text: who, and as what. */
  label: string;
  /** How this identity was established, in a sentence. */
  how: string;
  /** What the role allows, so a missing control has a reason. */
  roleText: string;
  showAdmin: boolean;
  /** Only a hapscope session can be ended here: a proxy or AUTH_MODE=none has none. */
  canSignOut: boolean;
}

const HOW: Record<AuthMode, string> = {
  local: 'Signed in with a hapscope password.',
  oidc: 'Signed in through your identity provider.',
  proxy: 'Signed in at the reverse proxy in front of hapscope; sign out there.',
  none: 'Sign-in is off (AUTH_MODE=none): everyone is an admin.',
};

export function userMenuView(who: { name: string; role: Role; mode: AuthMode }): UserMenuView {
  return {
    label: `${who.name} (${who.role})`,
    how: HOW[who.mode],
    roleText: `${capitalize(who.role)}s ${ROLE_CAN[who.role]}.`,
    showAdmin: who.role === 'admin',
    canSignOut: who.mode === 'local' || who.mode === 'oidc',
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
