import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { badgeRead, badgeResponse, unauthorizedBadgeResponse } from '@/lib/badges/server/badge-service';
import { parseBadgeUrl } from '@/lib/api/schemas/badge';

export const dynamic = 'force-dynamic';

/**
 * SVG badges for wikis that forbid iframes; the URL scheme is documented in lib/badges/badge-request.ts. Readable
 * by people signed in, and without sign-in through `token=` (a share link of the badge's target) or PUBLIC_EMBEDS;
 * anyone else gets a grey "unauthorized" badge.
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return catchApiErrors(async () => {
    const { path } = await params;
    const url = new URL(request.url);
    const parsed = parseBadgeUrl(path, url.searchParams);
    if (!parsed.ok)
      return jsonError(parsed.status, parsed.status === 400 ? 'bad_parameter' : 'not_found', parsed.message);
    const now = Date.now();
    const read = badgeRead(parsed.request, url.searchParams.get('token'));
    const access = await authorize(getRuntime(), request, read, now);
    if (!access.ok) return unauthorizedBadgeResponse(parsed.request);
    return badgeResponse(getRuntime(), parsed.request, url, access.who, now);
  });
}
