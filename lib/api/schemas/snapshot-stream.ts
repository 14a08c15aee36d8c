/** GET /api/v1/snapshot/stream: the snapshot's changes, poll by poll (lib/snapshot/snapshot-delta.ts). */
import { z } from 'zod';
import { isoTime } from './common';
import { BackendSchema, FrontendSchema, InstanceSchema, ServerSchema } from './snapshot';

/** `<boot>.<generation>`, as the snapshot's `x-hapscope-stream-id` header and each event's `id:` say. */
const streamId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,16}\.\d{1,15}$/, { error: 'must be a stream id (<boot>.<generation>)' });

export const SnapshotStreamQuery = z.object({
  after: streamId.optional().meta({
    description:
      "follow from this id: the snapshot's x-hapscope-stream-id header, or the last event's id (the Last-Event-ID header wins)",
  }),
});

export const BackendPatchSchema = z
  .object({
    instance: z.string(),
    name: z.string(),
    own: BackendSchema.omit({ servers: true })
      .optional()
      .meta({ description: "the backend's own figures, when any changed (or it is new)" }),
    servers: z
      .array(ServerSchema)
      .optional()
      .meta({ description: 'servers new or changed beyond numbers, whole' }),
    figures: z.array(z.number().nullable()).optional().meta({
      description:
        "servers whose only changes are figures, as flat triplets: the server's place in the backend's order, the figure's place in the list NUMERIC_PATHS of lib/snapshot/snapshot-delta.ts (check.durationMs, check.code, check.health, queue.current, …), its new value",
    }),
    order: z
      .array(z.string())
      .optional()
      .meta({ description: "every server's name in order, when servers came, went or moved" }),
  })
  .meta({ id: 'BackendPatch' });

export const SnapshotDeltaSchema = z
  .object({
    from: streamId.meta({ description: 'the id this change applies to' }),
    to: streamId.meta({ description: 'the id it makes (also the event id)' }),
    generatedAt: isoTime,
    pollIntervalMs: z.number(),
    instances: z.array(InstanceSchema).meta({ description: 'always whole' }),
    backends: z.array(BackendPatchSchema).meta({ description: 'backends new or changed' }),
    backendOrder: z
      .array(z.string())
      .optional()
      .meta({ description: 'every backend as instance/name in order, when backends came, went or moved' }),
    frontends: z.array(FrontendSchema).optional().meta({ description: 'whole, when any changed' }),
  })
  .meta({
    id: 'SnapshotDelta',
    description:
      '`event: delta`. lastChangeSec and lastSessionSec grow by themselves: a row is sent again only when its age is not its last sent value plus the time its source was polled since (within 1 s)',
  });

export const SnapshotResetSchema = z.object({ reason: z.string() }).meta({
  id: 'SnapshotReset',
  description:
    '`event: reset`: the id followed is no longer kept (too far behind) or from before a restart: GET /api/v1/snapshot again and follow from its x-hapscope-stream-id',
});
