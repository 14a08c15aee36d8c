/** GET /api/v1/events (shared/reference/api-v1.md): state changes, newest first, filterable on the server. */
import { z } from 'zod';
import { isoTime, name, serverStatus, timeRangeQuery, wholeNumber } from './common';

export const EventsQuery = timeRangeQuery.extend({
  limit: wholeNumber(1, 1000).default(100),
  instance: name('only events of this source').optional(),
  backend: name('only events of this backend').optional(),
  server: name('only events of servers with this name').optional(),
  pool: name('only events of servers of this pool').optional(),
});

export const EventSchema = z.object({
  at: isoTime,
  instance: z.string(),
  backend: z.string(),
  server: z.string(),
  from: serverStatus.nullable(),
  to: serverStatus,
  durationSec: z
    .number()
    .nullable()
    .meta({ description: 'how long the new state lasted; null while it holds' }),
  cause: z.string().nullable().meta({ description: 'e.g. "L7STS 503: Layer7 wrong status"' }),
  type: z.enum(['downtime', 'state-change']),
  kind: z.enum(['observed', 'between-polls', 'reload']),
  precise: z.boolean(),
});

export const EventsSchema = z.object({ events: z.array(EventSchema) }).meta({ id: 'Events' });

export type EventDto = z.infer<typeof EventSchema>;
export type EventsDto = z.infer<typeof EventsSchema>;
