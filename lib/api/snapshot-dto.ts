/**
 * Wire shapes of GET /api/v1/snapshot (shared/reference/api-v1.md), inferred from the zod schemas in
 * schemas/snapshot.ts. Shared by the route handler and the browser hooks; fields beyond the contract are additive.
 */
export type {
  BackendDto,
  FrontendDto,
  InstanceDto,
  ListenerDto,
  ServerDto,
  SnapshotDto,
} from './schemas/snapshot';
