/** Keys of the `meta` table. */
export const META_GENERATED_UNTIL = 'generated_history_until';
/** 32 random bytes (base64url) sealing short-lived sign-in cookies (the OpenID round trip); made on first use. */
export const META_COOKIE_KEY = 'auth_cookie_key';
/** How far minute and hour rollups are done (epoch minutes, epoch hours): rollup.ts, postgres-rollup.ts. */
export const META_MINUTES_ROLLED = 'rollup_minute_until';
export const META_HOURS_ROLLED = 'rollup_hour_until';
