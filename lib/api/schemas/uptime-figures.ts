/** The uptime figures and bars the history, uptime and pools answers share. */
import { z } from 'zod';
import { isoTime } from './common';

export const UptimeFiguresSchema = z.object({
  uptimePct: z
    .number()
    .nullable()
    .meta({ description: 'MAINT and DRAIN time is left out of the denominator' }),
  upSec: z.number(),
  downtimeSec: z.number(),
  plannedSec: z.number(),
  noDataSec: z.number(),
  degradedSec: z.number(),
});

export const UptimeBucketSchema = z.object({
  from: isoTime,
  to: isoTime,
  state: z.enum(['no-data', 'up', 'planned', 'degraded', 'down']),
  cause: z.string().nullable(),
  upSec: z.number(),
  downSec: z.number(),
  plannedSec: z.number(),
  degradedSec: z.number(),
  noDataSec: z.number(),
});

export type UptimeFiguresDto = z.infer<typeof UptimeFiguresSchema>;
export type UptimeBucketDto = z.infer<typeof UptimeBucketSchema>;
