/**
 * The CSP for /embed/*: `frame-ancestors` from EMBED_ALLOWED_ORIGINS. Each entry must be a CSP source a
 * frame-ancestors list accepts ('self', 'none', a scheme like https:, or an origin, optionally with a
 * wildcard subdomain); anything else (a path, a ";" that would smuggle in another directive) is dropped.
 */
const SOURCE =
  /^(?:'self'|'none'|[a-z][a-z0-9+.-]*:|[a-z][a-z0-9+.-]*:\/\/(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?)$/i;

const normalize = (origin: string) => origin.trim().replace(/\/$/, '');

/** Whether a frame-ancestors list accepts this entry (start-up validation refuses the others). */
export function isFrameAncestorSource(origin: string): boolean {
  return SOURCE.test(normalize(origin));
}

export function frameAncestorSources(origins: readonly string[]): string[] {
  const valid = origins.map(normalize).filter((o) => SOURCE.test(o));
  if (valid.length === 0 || valid.includes("'none'")) return ["'none'"];
  return [...new Set(valid)];
}

/** The embed pages' whole policy: who may frame them, and nothing else loosened. */
export function embedCsp(origins: readonly string[]): string {
  return `frame-ancestors ${frameAncestorSources(origins).join(' ')}`;
}
