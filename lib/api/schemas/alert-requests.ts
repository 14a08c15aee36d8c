/** Bodies of POST /api/v1/mutes and POST /api/v1/alerts/{id}/ack. */
import { z } from 'zod';

const MAX_MINUTES = 30 * 24 * 60;
const TARGET_FIELDS = ['instance', 'backend', 'server', 'pool'] as const;

const targetName = z
  .string({ error: 'must be a non-empty string' })
  .min(1, { error: 'must be a non-empty string' })
  .nullable()
  .optional()
  .transform((value) => value ?? null);

const MuteTargetSchema = z
  .object(
    { instance: targetName, backend: targetName, server: targetName, pool: targetName },
    { error: 'must be an object' },
  )
  .refine((target) => TARGET_FIELDS.some((field) => target[field] !== null), {
    error: `name at least one of ${TARGET_FIELDS.join(', ')}`,
  });

/** A mute: at least one target field, 1 minute to 30 days, an optional reason (trimmed, at most 200 chars). */
export const MuteRequestSchema = z
  .object(
    {
      target: MuteTargetSchema,
      durationMinutes: z
        .number({ error: `must be a whole number from 1 to ${MAX_MINUTES}` })
        .int({ error: `must be a whole number from 1 to ${MAX_MINUTES}` })
        .min(1, { error: `must be a whole number from 1 to ${MAX_MINUTES}` })
        .max(MAX_MINUTES, { error: `must be a whole number from 1 to ${MAX_MINUTES}` }),
      reason: z.string({ error: 'must be a string' }).nullable().optional(),
    },
    { error: 'must be a JSON object' },
  )
  .meta({ id: 'MuteRequest' });

export interface MuteRequest {
  target: { instance: string | null; backend: string | null; server: string | null; pool: string | null };
  durationMs: number;
  reason: string | null;
}

export function toMuteRequest(body: z.output<typeof MuteRequestSchema>): MuteRequest {
  const reason = body.reason?.trim();
  return {
    target: body.target,
    durationMs: body.durationMinutes * 60_000,
    reason: reason ? reason.slice(0, 200) : null,
  };
}

/** Older clients sent `{ "by": "name" }`: accepted and ignored, the acknowledger is whoever is signed in. */
export const AckRequestSchema = z
  .object({ by: z.string({ error: 'must be a string' }).optional() }, { error: 'must be a JSON object' })
  .meta({ id: 'AckRequest' });
