export const poolHref = (pool: string) => `/pools/${encodeURIComponent(pool)}`;
