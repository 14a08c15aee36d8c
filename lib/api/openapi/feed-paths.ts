/** OpenAPI registrations of what is not JSON: SVG badges and the Prometheus exposition. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { BadgeSparklineQuery, BadgeStatusQuery, BadgeUptimeQuery, SvgSchema } from '../schemas/badge';
import { HistoryParams } from '../schemas/history';
import { name } from '../schemas/common';
import { registerEndpoints } from './endpoint';

const svg = { description: 'the badge', content: { 'image/svg+xml': { schema: SvgSchema } } };
const backendParams = HistoryParams.pick({ instance: true, backend: true });
const poolParams = z.object({ pool: name('pool name') });
const TARGETS = [
  { path: 'server/{instance}/{backend}/{server}', params: HistoryParams },
  { path: 'backend/{instance}/{backend}', params: backendParams },
  { path: 'pool/{pool}', params: poolParams },
] as const;
const BADGES = [
  { prefix: '', query: BadgeStatusQuery, summary: 'Status badge' },
  { prefix: 'uptime/', query: BadgeUptimeQuery, summary: 'Uptime badge' },
] as const;

export function registerFeedPaths(registry: OpenAPIRegistry): void {
  registerEndpoints(registry, [
    ...TARGETS.flatMap(({ path, params }) =>
      BADGES.map(({ prefix, query, summary }) => ({
        path: `/api/v1/badge/${prefix}${path}.svg`,
        summary,
        request: { params, query },
        ok: svg,
      })),
    ),
    {
      path: '/api/v1/badge/sparkline/server/{instance}/{backend}/{server}.svg',
      summary: 'Sparkline of check latency or session rate',
      request: { params: HistoryParams, query: BadgeSparklineQuery },
      ok: svg,
    },
    {
      path: '/metrics',
      summary: "Prometheus text exposition of the dashboard's derived figures",
      ok: { description: 'metrics', content: { 'text/plain; version=0.0.4': { schema: z.string() } } },
    },
  ]);
}
