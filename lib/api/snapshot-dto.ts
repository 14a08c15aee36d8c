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

/**
 * Response header of GET /api/v1/snapshot: the server's clock when it answered (ISO 8601). The body is built once
 * per poll, so its `generatedAt` may be up to a poll interval older; the browser's clock offset is measured from
 * this instead.
 */
export const SERVER_NOW_HEADER = 'x-hapscope-now';

/**
 * Response header of GET /api/v1/snapshot for a viewer of everything: the id of the generation it is, to follow
 * from with GET /api/v1/snapshot/stream?after=<id>.
 */
export const STREAM_ID_HEADER = 'x-hapscope-stream-id';
