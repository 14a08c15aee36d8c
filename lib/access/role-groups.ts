/**
 * AUTH_ROLE_GROUPS: `role=group[|group…]` pairs, comma-separated (`operator=ops|sre,admin=platform`); `*` matches
 * any signed-in user. A user gets the highest role one of their groups is given. Pure.
 */
import { ROLES, isRole, type Role } from './roles';

export type RoleGroups = ReadonlyMap<Role, readonly string[]>;

export const DEFAULT_ROLE_GROUPS = 'viewer=*';

/** Throws an Error whose message says what is wrong with the entry; the config loader names the key. */
export function parseRoleGroups(text: string): RoleGroups {
  const rules = new Map<Role, string[]>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const role = entry.slice(0, eq).trim();
    const groups = entry
      .slice(eq + 1)
      .split('|')
      .map((group) => group.trim())
      .filter(Boolean);
    if (eq <= 0 || !isRole(role) || groups.length === 0)
      throw new Error(
        `entries must look like "role=group|group" with a role of ${ROLES.join(', ')}, got "${entry}"`,
      );
    rules.set(role, [...(rules.get(role) ?? []), ...groups]);
  }
  if (rules.size === 0) throw new Error('must name at least one role=group pair');
  return rules;
}

/** The highest role the groups earn; null when none does (the user is signed in but may see nothing). */
export function roleForGroups(rules: RoleGroups, groups: readonly string[]): Role | null {
  for (const role of [...ROLES].reverse()) {
    const wanted = rules.get(role) ?? [];
    if (wanted.includes('*') || wanted.some((group) => groups.includes(group))) return role;
  }
  return null;
}
