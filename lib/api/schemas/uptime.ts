/** GET /api/v1/uptime (shared/reference/api-v1.md), filterable on the server by instance, backend or pool. */
import { z } from 'zod';
import { isoTime, name, timeRangeQuery, wholeNumber } from './common';
import { UptimeBucketSchema, UptimeFiguresSchema } from './uptime-figures';

export const UptimeQuery = timeRangeQuery.extend({
  buckets: wholeNumber(0, 500).default(0).meta({ description: 'uptime bars per row (0: none)' }),
  instance: name('only servers of this source').optional(),
  backend: name('only this backend (its row and its servers)').optional(),
  pool: name('only servers of this pool (and the pool row)').optional(),
});

export const UptimeServerSchema = UptimeFiguresSchema.extend({
  instance: z.string(),
  backend: z.string(),
  server: z.string(),
  pool: z.string().nullable(),
  backup: z.boolean(),
  buckets: z.array(UptimeBucketSchema).nullable(),
});

export const UptimeBackendSchema = UptimeFiguresSchema.extend({
  instance: z.string(),
  backend: z.string(),
  buckets: z.array(UptimeBucketSchema).nullable(),
});

export const UptimePoolSchema = UptimeFiguresSchema.extend({ pool: z.string() });

export const UptimeSchema = z
  .object({
    range: z.string().meta({ description: 'the preset asked for, or "custom" for from/to' }),
    from: isoTime,
    to: isoTime,
    servers: z.array(UptimeServerSchema),
    backends: z.array(UptimeBackendSchema),
    pools: z.array(UptimePoolSchema),
    generatedUntil: isoTime.nullable(),
  })
  .meta({ id: 'Uptime' });

export type UptimeServerDto = z.infer<typeof UptimeServerSchema>;
export type UptimeBackendDto = z.infer<typeof UptimeBackendSchema>;
export type UptimePoolDto = z.infer<typeof UptimePoolSchema>;
export type UptimeDto = z.infer<typeof UptimeSchema>;
