/**
 * GET /api/v1/alerts, its SSE stream, mutes and acknowledgements (shared/reference/api-v1.md); extra fields are
 * additive. The request bodies are validated with the same schemas the OpenAPI document shows.
 */
import { z } from 'zod';
import { ALERT_KINDS } from '@/lib/alerts/types';
import { isoTime, name } from './common';

export const AlertTargetSchema = z.object({
  instance: z.string().nullable(),
  backend: z.string().nullable(),
  server: z.string().nullable(),
  pool: z.string().nullable(),
});

export const AlertSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ALERT_KINDS),
    severity: z.enum(['critical', 'warning']),
    state: z.enum(['firing', 'resolved']),
    since: isoTime,
    firedAt: isoTime,
    resolvedAt: isoTime.nullable(),
    target: AlertTargetSchema,
    summary: z.string(),
    groupId: z.string().nullable().meta({ description: 'the alert this one is grouped under' }),
    inhibitedBy: z.string().nullable().meta({ description: 'set while the group alert fires' }),
    acknowledgedAt: isoTime.nullable(),
    acknowledgedBy: z.string().nullable(),
    mutedUntil: isoTime.nullable().meta({ description: 'a mute covers the target until then' }),
  })
  .meta({ id: 'Alert' });

export const AlertChangeKindSchema = z.enum([
  'fired',
  'resolved',
  'updated',
  'acknowledged',
  'muted',
  'unmuted',
]);

export const AlertEventSchema = AlertSchema.extend({
  seq: z.number().meta({ description: 'the SSE `id:`' }),
  change: AlertChangeKindSchema,
  notify: z.boolean(),
  changedAt: isoTime.optional().meta({ description: 'when the change happened' }),
  by: z
    .string()
    .nullable()
    .optional()
    .meta({ description: 'who acknowledged, muted or unmuted (user or "token <name>")' }),
}).meta({ id: 'AlertEvent' });

export const MuteSchema = z
  .object({
    id: z.number(),
    target: AlertTargetSchema,
    until: isoTime,
    createdAt: isoTime,
    createdBy: z.string().nullable().meta({ description: 'who muted (user or "token <name>")' }),
    reason: z.string().nullable(),
  })
  .meta({ id: 'Mute' });

export const AlertsSchema = z
  .object({
    alerts: z.array(AlertSchema),
    mutes: z.array(MuteSchema),
    lastEventId: z.number().meta({ description: 'open the stream with it as Last-Event-ID to miss nothing' }),
  })
  .meta({ id: 'Alerts' });

export const MutesSchema = z.object({ mutes: z.array(MuteSchema) });

export const AlertStreamQuery = z.object({
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a whole number' })
    .optional()
    .meta({
      description: 'resume after this seq (the Last-Event-ID header wins)',
    }),
});

export const AlertIdParams = z.object({ id: name('alert id') });
export const MuteIdParams = z.object({ id: z.string().regex(/^\d+$/, { error: 'must be a whole number' }) });

/** GET /api/v1/alerts/{id}/history: every stored change of one alert, oldest first. */
export const AlertHistorySchema = z
  .object({
    changes: z.array(
      z.object({
        seq: z.number(),
        at: isoTime,
        change: AlertChangeKindSchema,
        by: z.string().nullable(),
        summary: z.string(),
      }),
    ),
  })
  .meta({ id: 'AlertHistory' });
export type AlertHistoryDto = z.infer<typeof AlertHistorySchema>;

export type AlertDto = z.infer<typeof AlertSchema>;
export type AlertEventDto = z.infer<typeof AlertEventSchema>;
export type AlertChangeKind = z.infer<typeof AlertChangeKindSchema>;
export type MuteDto = z.infer<typeof MuteSchema>;
export type AlertsDto = z.infer<typeof AlertsSchema>;
