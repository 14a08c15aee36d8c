/**
 * Building blocks of the API's zod schemas: ISO times, the query parameters several endpoints share, the error
 * body. Every message starts after the parameter name, which parse-query.ts puts in front.
 */
import { z } from 'zod';
import { INSTANT_MESSAGE, parseInstant, RANGE_KEYS, RANGE_MESSAGE } from '@/lib/health/time-range';
import { SERVER_STATUSES } from '@/lib/health/types';

export const isoTime = z.string().meta({ format: 'date-time', description: 'ISO-8601 UTC time' });
export const serverStatus = z.enum(SERVER_STATUSES);
export const transition = z
  .enum(['going-down', 'going-up'])
  .nullable()
  .meta({ description: '`UP x/y` is going-down, `DOWN x/y` going-up' });

const instant = z
  .string()
  .refine((text) => parseInstant(text) !== null, { error: INSTANT_MESSAGE })
  .transform((text) => parseInstant(text)!)
  .meta({ description: 'ISO-8601 time (with a zone) or epoch milliseconds' });

/** `range=` or `from=`/`to=`; what depends on now (defaults, the future) is resolveTimeRange's. */
export const timeRangeQuery = z.object({
  range: z
    .enum(RANGE_KEYS, { error: RANGE_MESSAGE })
    .optional()
    .meta({ description: 'a preset, from now back' }),
  from: instant.optional(),
  to: instant.optional(),
});

export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be between ${min} and ${max}` })
    .max(max, { error: `must be between ${min} and ${max}` });

export const name = (what: string) =>
  z.string().min(1, { error: 'must not be empty' }).meta({ description: what });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'bad_parameter, not_found, …' }),
      message: z.string().meta({ description: 'starts with the parameter name when one is at fault' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorDto = z.infer<typeof ErrorSchema>;
