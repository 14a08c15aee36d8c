import { getRuntime } from '@/lib/server/runtime';
import { jsonError } from '@/lib/api/errors';
import { badgeSvg } from '@/lib/badges/server/badge-service';
import { parseBadgeUrl } from '@/lib/api/schemas/badge';

export const dynamic = 'force-dynamic';

/** SVG badges for wikis that forbid iframes; the URL scheme is documented in lib/badges/badge-request.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const url = new URL(request.url);
  const parsed = parseBadgeUrl(path, url.searchParams);
  if (!parsed.ok)
    return jsonError(parsed.status, parsed.status === 400 ? 'bad_parameter' : 'not_found', parsed.message);
  const {
    svg,
    found,
    maxAgeSec: maxAge,
  } = badgeSvg(getRuntime(), parsed.request, `${url.pathname}?${url.searchParams}`, Date.now());
  return new Response(svg, {
    status: found ? 200 : 404,
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      // Fresh for one poll; a wiki's image proxy may serve a slightly stale badge while it refetches.
      'cache-control': `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`,
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
  });
}
