/** The users page's checks and words, said before the server has to refuse. Pure. */
import { ROLE_CAN, ROLES, type Role } from '@/lib/access/roles';

export const MIN_PASSWORD = 12;

/** What is wrong with a new password, or null (the server checks again). */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD)
    return `Use at least ${MIN_PASSWORD} characters (this one has ${password.length}).`;
  return null;
}

/** What is wrong with a new user name, or null: the rule of the API (letters, digits, `. _ @ -`, ≤ 64). */
export function userNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a user name.';
  if (trimmed.length > 64) return 'Use at most 64 characters.';
  if (!/^[A-Za-z0-9._@-]+$/.test(trimmed)) return 'Use letters, digits and . _ @ - only.';
  return null;
}

/** The role picker's options: "operator — acknowledge, mute and unmute alerts". */
export const ROLE_OPTIONS: readonly { role: Role; text: string }[] = ROLES.map((role) => ({
  role,
  text: `${role} — ${ROLE_CAN[role]}`,
}));
