import 'server-only';
/**
 * The store's door: the interface (store.ts), the plain data it takes and gives, and openStore(). Nothing outside
 * lib/store imports anything else of it (eslint.config.mjs): no connection, statement or SQL leaves it.
 */
export type {
  AccessStore,
  AlertSave,
  AlertStore,
  HistoryReads,
  HistoryRecording,
  MetaStore,
  Store,
  StoreMaintenance,
} from './store';
export type { CoordinationNotice, RelayedRecord, StoreCoordination } from './store-coordination';
export { localCoordination } from './store-coordination';
export type {
  BackendDimension,
  BackendHistory,
  BackendHistorySample,
  BackendUptime,
  EventFilter,
  HistoryEvent,
  HistorySample,
  PoolCheckDurations,
  PoolUptime,
  ServerDimension,
  ServerHistory,
  ServerUptime,
  TrafficMaxima,
  UptimeFilter,
  UptimeReport,
} from './history-types';
export type {
  BackendSampleRow,
  HistoryWrite,
  NewServer,
  SampleRow,
  StoredIds,
  StoredInstance,
} from './history-writes';
export type {
  ApiTokenRow,
  AuditRow,
  RevocableTable,
  SessionRow,
  ShareLinkRow,
  UserRefusal,
  UserRow,
} from './access-rows';
export type { StoreFaults, StoreStatus } from './store-faults';
export type { ServerRef } from '@/lib/health/server-key';
export { DEFAULT_RETENTION, type Retention } from './retention-policy';
export { META_COOKIE_KEY, META_GENERATED_UNTIL } from './meta-keys';
export { statusCode, transitionCode } from './status-codes';
export { openStore, type StoreOptions } from './open-store';
