/** GET /api/v1/health (shared/reference/api-v1.md): liveness, open without sign-in. */
import { z } from 'zod';
import { KubernetesStatusSchema } from './pools';

export const HealthSchema = z
  .object({
    ok: z.boolean().meta({ description: 'false while a problem needs a user to act' }),
    version: z.string(),
    uptimeSec: z.number(),
    role: z.enum(['leader', 'follower']).meta({
      description:
        'leader: this process polls HAProxy, records history and evaluates alerts (always so on SQLite); ' +
        'follower: another replica on the same DATABASE_URL does, and this one serves what it publishes',
    }),
    problems: z.array(z.string()).meta({ description: 'each fault, naming the part and the fix' }),
    kubernetes: KubernetesStatusSchema.meta({
      description:
        "the Kubernetes API as hapscope sees it, as GET /api/v1/pools says (every page's banner reads it here)",
    }),
  })
  .meta({ id: 'Health' });

export type HealthDto = z.infer<typeof HealthSchema>;
