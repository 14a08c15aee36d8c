import { authorize } from '@/lib/access/server/access-service';
import { catchApiErrors } from '@/lib/api/errors';
import { metricsText } from '@/lib/metrics/server/metrics-service';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

/** Prometheus scrapes with `Authorization: Bearer <API token>` (any role), unless METRICS_PUBLIC=true. */
export function GET(request: Request) {
  return catchApiErrors(async () => {
    const runtime = getRuntime();
    const now = Date.now();
    if (!runtime.config.auth.metricsPublic) {
      const access = await authorize(runtime, request, 'viewer', now);
      if (!access.ok) return access.response;
    }
    return new Response(metricsText(runtime, now), {
      headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
    });
  });
}
