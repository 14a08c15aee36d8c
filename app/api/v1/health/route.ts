import { APP_VERSION } from '@/lib/api/version';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(
    { ok: true, version: APP_VERSION, uptimeSec: Math.floor(process.uptime()) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
