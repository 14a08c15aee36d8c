/** OpenAPI registrations of what is not JSON: SVG badges and the Prometheus exposition. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { BadgeSparklineQuery, BadgeStatusQuery, BadgeUptimeQuery, SvgSchema } from '../schemas/badge';
import { HistoryParams } from '../schemas/history';
import { name } from '../schemas/common';
import { badParameter, notFound } from './responses';

const svg = { description: 'the badge', content: { 'image/svg+xml': { schema: SvgSchema } } };
const backendParams = HistoryParams.pick({ instance: true, backend: true });
const poolParams = z.object({ pool: name('pool name') });
const TARGETS = [
  { path: 'server/{instance}/{backend}/{server}', params: HistoryParams },
  { path: 'backend/{instance}/{backend}', params: backendParams },
  { path: 'pool/{pool}', params: poolParams },
] as const;

export function registerFeedPaths(registry: OpenAPIRegistry): void {
  for (const { path, params } of TARGETS) {
    const badge = (prefix: string, query: z.ZodObject, summary: string) =>
      registry.registerPath({
        method: 'get',
        path: `/api/v1/badge/${prefix}${path}.svg`,
        summary,
        request: { params, query },
        responses: { 200: svg, 400: badParameter, 404: notFound },
      });
    badge('', BadgeStatusQuery, 'Status badge');
    badge('uptime/', BadgeUptimeQuery, 'Uptime badge');
  }
  registry.registerPath({
    method: 'get',
    path: '/api/v1/badge/sparkline/server/{instance}/{backend}/{server}.svg',
    summary: 'Sparkline of check latency or session rate',
    request: { params: HistoryParams, query: BadgeSparklineQuery },
    responses: { 200: svg, 400: badParameter, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: "Prometheus text exposition of the dashboard's derived figures",
    responses: {
      200: { description: 'metrics', content: { 'text/plain; version=0.0.4': { schema: z.string() } } },
    },
  });
}
