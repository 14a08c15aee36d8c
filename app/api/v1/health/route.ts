import type { HealthDto } from '@/lib/api/schemas/health';
import { APP_VERSION } from '@/lib/api/version';

export const dynamic = 'force-dynamic';

export function GET() {
  // No part reports faults yet (the composition root would collect them): an empty list, not a missing field.
  const body: HealthDto = {
    ok: true,
    version: APP_VERSION,
    uptimeSec: Math.floor(process.uptime()),
    problems: [],
  };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
