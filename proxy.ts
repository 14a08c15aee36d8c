import { NextResponse } from 'next/server';
import { getRuntime } from '@/lib/server/runtime';
import { embedCsp, frameAncestorSources } from '@/lib/embeds/frame-ancestors';

/**
 * /embed/* may be framed by EMBED_ALLOWED_ORIGINS, read at start-up (next.config.js headers
 * are fixed at build time; every other page keeps its static `frame-ancestors 'none'` + X-Frame-Options DENY).
 * Not on /api/*: a proxy there costs every request (badge throughput 1046 → 643 req/s); the same-origin rule for
 * writes runs in the state-changing routes instead (lib/api/same-origin.ts, refuseCrossSite).
 */
export function proxy() {
  const sources = frameAncestorSources(getRuntime().config.embedAllowedOrigins);
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', embedCsp(sources));
  // X-Frame-Options cannot name another origin (ALLOW-FROM is dead), and browsers that know CSP ignore it when
  // frame-ancestors is present; so it is sent only when it says the same thing: 'self' alone, or nobody.
  const xfo = sources.join(' ') === "'self'" ? 'SAMEORIGIN' : sources[0] === "'none'" ? 'DENY' : null;
  if (xfo) response.headers.set('X-Frame-Options', xfo);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  return response;
}

export const config = { matcher: '/embed/:path+' };
