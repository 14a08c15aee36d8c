import { NextResponse, type NextRequest } from 'next/server';
import { pageViewer } from '@/lib/access/server/access-service';
import { ownOrigin } from '@/lib/api/same-origin';
import { isStoreError } from '@/lib/problems/store-fault';
import { getRuntime } from '@/lib/server/runtime';
import { embedCsp, frameAncestorSources } from '@/lib/embeds/frame-ancestors';

/**
 * Pages only (never /api/*: a proxy there costs every request, badge throughput 1046 → 643 req/s; routes ask the
 * access service themselves). A dashboard page without a signed-in person goes to /signin and comes back after;
 * /embed/* decides access itself (share links) and may be framed by EMBED_ALLOWED_ORIGINS, read at start-up
 * (next.config.js headers are fixed at build time; other pages keep `frame-ancestors 'none'` + X-Frame-Options).
 */
export async function proxy(request: NextRequest) {
  const runtime = getRuntime();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/embed/')) return embedResponse(runtime.config.embedAllowedOrigins);
  let viewer;
  try {
    viewer = await pageViewer(runtime, request.headers, Date.now());
  } catch (error) {
    // No session can be checked without the store: say why, rather than a sign-in page that cannot work.
    if (!isStoreError(error)) throw error;
    return new NextResponse(`hapscope cannot check who you are: ${error.message}`, {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' },
    });
  }
  if (viewer) return NextResponse.next();
  const signIn = new URL('/signin', ownOrigin(request, runtime.config.publicOrigin));
  signIn.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

function embedResponse(allowed: string[]) {
  const sources = frameAncestorSources(allowed);
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

// Every page but the sign-in page: not the API, Next's assets, /metrics or the icon.
export const config = {
  matcher: ['/embed/:path+', '/((?!api/|_next/|signin|metrics|favicon\\.ico|icon\\.svg|embed/).*)'],
};
