/** /api/v1/badge/…svg query parameters, for the OpenAPI document; parseBadgeRequest applies the same lists. */
import { z } from 'zod';
import { SPARK_RANGES, UPTIME_RANGES } from '@/lib/badges/badge-request';

/** The route's door to the badge URL scheme (lib/badges/badge-request.ts): routes reach only the contract. */
export { parseBadgeRequest as parseBadgeUrl } from '@/lib/badges/badge-request';

const label = z.string().optional().meta({ description: 'replaces the left-hand text' });

export const BadgeStatusQuery = z.object({ label });
export const BadgeUptimeQuery = z.object({ label, range: z.enum(UPTIME_RANGES).default('24h') });
export const BadgeSparklineQuery = z.object({
  label,
  metric: z.enum(['latency', 'rate']).default('latency'),
  range: z.enum(SPARK_RANGES).default('1h'),
});

export const SvgSchema = z.string().meta({ description: 'an SVG image' });
