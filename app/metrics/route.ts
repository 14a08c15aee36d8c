import { metricsText } from '@/lib/metrics/server/metrics-service';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(metricsText(getRuntime(), Date.now()), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  });
}
