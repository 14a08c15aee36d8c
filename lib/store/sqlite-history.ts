/** History reads of the SQLite store: each a `reads` operation (reported, thrown as StoreError). */
import { findBackend, queryBackendHistory } from './backend-history-query';
import { readMeta, type HistoryDb } from './db';
import { queryEvents } from './events-query';
import { queryServerHistory } from './history-query';
import { META_GENERATED_UNTIL } from './meta-keys';
import { queryPoolCheckDurations } from './pool-latency-query';
import type { SqliteConnection } from './sqlite-connection';
import type { HistoryReads } from './store';
import { findServer } from './timelines';
import { queryUptime } from './uptime-query';

export function sqliteHistory(connection: SqliteConnection): HistoryReads {
  const read: <T>(work: (db: HistoryDb) => T) => T = (work) => connection.run('reads', work);
  const settings = () => ({ now: connection.clock(), retention: connection.retention });
  return {
    async serverHistory(ref, range, buckets) {
      return read((db) => {
        const server = findServer(db, ref.instance, ref.backend, ref.server);
        return server && queryServerHistory(db, server, range, { ...settings(), buckets });
      });
    },
    async backendHistory(ref, range) {
      return read((db) => {
        const backend = findBackend(db, ref.instance, ref.backend);
        return backend && queryBackendHistory(db, backend, range, settings());
      });
    },
    async uptime(range, buckets, filter) {
      return read((db) => queryUptime(db, range, { buckets, filter }));
    },
    async events(range, limit, filter) {
      return read((db) => queryEvents(db, range, limit, filter));
    },
    async poolCheckDurations(pool, range) {
      return read((db) => queryPoolCheckDurations(db, pool, range, settings()));
    },
    async generatedUntil() {
      const value = read((db) => readMeta(db, META_GENERATED_UNTIL));
      return value === null ? null : Number(value);
    },
    async recorded() {
      return read((db) => db.prepare('SELECT EXISTS (SELECT 1 FROM coverage) AS has').pluck().get() === 1);
    },
  };
}
