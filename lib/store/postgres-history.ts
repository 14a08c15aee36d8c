/** History reads of the PostgreSQL store, each a `reads` operation, with the SQLite store's answers. */
import type { Interval } from '@/lib/health/history-types';
import { pickResolution } from '@/lib/health/time-range';
import { invertIntervals } from '@/lib/health/timeline';
import type { LatencyReading } from '@/lib/history/pool-latency-buckets';
import { lifeCoverage } from './dimensions';
import { toServerHistory, toStatusChange, type TransitionRow } from './history-rows';
import type { EventFilter, HistoryEvent } from './history-types';
import { META_GENERATED_UNTIL } from './meta-keys';
import { row, rows, type PgDb, type PostgresConnection } from './postgres-connection';
import { readMeta } from './postgres-meta';
import { backendSamples, serverSamples } from './postgres-series';
import { coverageByInstance, filterSql, findServer, loadTimelines } from './postgres-timelines';
import type { Retention } from './retention-policy';
import type { HistoryReads } from './store';
import { toUptimeReport } from './uptime-query';

export function postgresHistory(
  connection: PostgresConnection,
  settings: () => { now: number; retention: Retention },
): HistoryReads {
  const read = <T>(work: (db: PgDb) => Promise<T>) => connection.run('reads', work);
  const resolutionOf = (range: Interval) => {
    const { now, retention } = settings();
    return pickResolution(range, now, retention);
  };
  return {
    serverHistory: (ref, range, buckets) =>
      read(async (db) => {
        const server = await findServer(db, ref.instance, ref.backend, ref.server);
        if (!server) return null;
        const resolution = resolutionOf(range);
        return toServerHistory(server, range, resolution, {
          timeline: (await loadTimelines(db, range, { id: server.id }))[0],
          samples: (await serverSamples(db, [server.id], range, resolution)).get(server.id)!,
          transitions: (
            await rows<TransitionRow>(
              db,
              'SELECT * FROM transitions WHERE server_id = $1 AND at >= $2 AND at < $3 ORDER BY at, id',
              [server.id, range.from, range.to],
            )
          ).map(toStatusChange),
          buckets,
        });
      }),
    backendHistory: (ref, range) =>
      read(async (db) => {
        const backend = await row<{
          id: number;
          instance: string;
          instance_id: number;
          name: string;
          first_seen_at: number;
          gone_at: number | null;
        }>(
          db,
          `SELECT b.id, i.name AS instance, b.instance_id, b.name, b.first_seen_at, b.gone_at
           FROM backends b JOIN instances i ON i.id = b.instance_id WHERE i.name = $1 AND b.name = $2`,
          [ref.instance, ref.backend],
        );
        if (!backend) return null;
        const resolution = resolutionOf(range);
        const coverage = (await coverageByInstance(db, range)).get(backend.instance_id) ?? [];
        return {
          backend: { id: backend.id, instance: backend.instance, backend: backend.name },
          range,
          resolution,
          samples: await backendSamples(db, backend.id, range, resolution),
          noData: invertIntervals(lifeCoverage(coverage, backend, range), range),
        };
      }),
    uptime: (range, buckets, filter) =>
      read(async (db) =>
        toUptimeReport(await loadTimelines(db, range, filter ?? {}), range, { buckets, filter }),
      ),
    events: (range, limit, filter) => read((db) => queryEvents(db, range, limit, filter)),
    poolCheckDurations: (pool, range) =>
      read(async (db) => {
        const ids = await rows<{ id: number }>(db, 'SELECT id FROM servers WHERE pool = $1 ORDER BY id', [
          pool,
        ]);
        if (ids.length === 0) return null;
        const resolution = resolutionOf(range);
        const readings: LatencyReading[] = [];
        const samples = await serverSamples(
          db,
          ids.map(({ id }) => id),
          range,
          resolution,
        );
        for (const { id } of ids) {
          for (const sample of samples.get(id)!) {
            if (sample.checkDurationMs === null) continue;
            const max = sample.rollup?.checkDurationMaxMs ?? sample.checkDurationMs;
            readings.push({
              at: sample.at,
              checkDurationMs: sample.checkDurationMs,
              checkDurationMaxMs: max,
            });
          }
        }
        return { resolution, readings };
      }),
    generatedUntil: () =>
      read(async (db) => {
        const value = await readMeta(db, META_GENERATED_UNTIL);
        return value === null ? null : Number(value);
      }),
    recorded: () =>
      read(
        async (db) => (await row<{ has: boolean }>(db, 'SELECT EXISTS (SELECT 1 FROM coverage) AS has'))!.has,
      ),
  };
}

/** Changes of the normalized status, newest first, each with how long the new state lasted (events-query.ts). */
async function queryEvents(
  db: PgDb,
  range: Interval,
  limit: number,
  filter: EventFilter = {},
): Promise<HistoryEvent[]> {
  const { where, values } = filterSql(filter, 4);
  const found = await rows<
    TransitionRow & { instance: string; backend: string; server: string; next_at: number | null }
  >(
    db,
    `SELECT t.*, i.name AS instance, s.backend, s.name AS server,
       (SELECT MIN(n.at) FROM transitions n WHERE n.server_id = t.server_id AND n.at > t.at
          AND n.from_status IS DISTINCT FROM n.to_status) AS next_at
     FROM transitions t JOIN servers s ON s.id = t.server_id JOIN instances i ON i.id = s.instance_id
     WHERE t.at >= $1 AND t.at < $2 AND t.from_status IS DISTINCT FROM t.to_status${where}
     ORDER BY t.at DESC, t.id DESC LIMIT $3`,
    [range.from, range.to, limit, ...values],
  );
  return found.map((r) => ({
    ...toStatusChange(r),
    instance: r.instance,
    backend: r.backend,
    server: r.server,
    durationMs: r.next_at === null ? null : r.next_at - r.at,
  }));
}
