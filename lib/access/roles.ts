/** The three roles (api-v1.md "Access"), each including the one before. Pure and browser-safe. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Whether `have` may do what `need` may. */
export const roleAtLeast = (have: Role, need: Role): boolean => ROLES.indexOf(have) >= ROLES.indexOf(need);

/** What each role may do, in the words the UI uses to say why a control is missing. */
export const ROLE_CAN: Record<Role, string> = {
  viewer: 'see everything',
  operator: 'acknowledge, mute and unmute alerts',
  admin: 'manage users, API tokens and share links',
};
