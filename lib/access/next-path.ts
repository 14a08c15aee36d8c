/**
 * Where to go after signing in: a path on hapscope itself, never another site (`//evil.example`, `/\evil`,
 * `https://…` would make the sign-in page an open redirect). Pure.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(next)) return '/';
  return next.startsWith('/signin') ? '/' : next;
}
