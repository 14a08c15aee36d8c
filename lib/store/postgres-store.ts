import 'server-only';
/**
 * The store on PostgreSQL (DATABASE_URL): the same parts and answers as the SQLite store, its own schema
 * (postgres-migrations.ts). Nothing connects at construction or import: the first use connects and migrates, and
 * a server that cannot be reached is tried again on the next use (postgres-connection.ts). Every failure lands in
 * `faults` (health, the banner, /metrics, the log) as a StoreError naming the server without its password;
 * maintenance (partitions ahead, rollups, retention) runs every minute once the store has opened.
 */
import type { DatabaseUrl } from '@/lib/config/database-url';
import { isStoreError } from '@/lib/problems/store-fault';
import { postgresAccess } from './postgres-access';
import { postgresAlerts } from './postgres-alerts';
import { PostgresConnection, rows, type PgDb } from './postgres-connection';
import { PostgresCoordination } from './postgres-coordination';
import { toPostgresStoreError } from './postgres-errors';
import { postgresHistory } from './postgres-history';
import { runPostgresMaintenance } from './postgres-maintenance';
import { Partitions } from './postgres-partitions';
import { postgresRecording } from './postgres-recording';
import { ensureMeta, readMeta, writeMeta } from './postgres-meta';
import type { Retention } from './retention-policy';
import type {
  AccessStore,
  AlertStore,
  HistoryReads,
  HistoryRecording,
  MetaStore,
  Store,
  StoreMaintenance,
} from './store';
import { StoreFaults } from './store-faults';
import { MAINTENANCE_INTERVAL_MS } from './maintenance';
import { DEFAULT_LEASE_MS } from './store-coordination';

export interface PostgresStoreOptions {
  /** false: no maintenance every minute, only maintenance.runNow (benches and tests that set the time). */
  maintain?: boolean;
  /** Connections in the pool. */
  poolSize?: number;
  /** How long a leader that cannot confirm its lead goes on leading (LEADER_LEASE_MS). */
  leaseMs?: number;
}

export class PostgresStore implements Store {
  readonly faults: StoreFaults;
  readonly connection: PostgresConnection;
  private readonly partitions = new Partitions();
  private timer: NodeJS.Timeout | null = null;
  private maintaining = false;
  readonly history: HistoryReads;
  readonly recording: HistoryRecording;
  readonly alerts: AlertStore;
  readonly access: AccessStore;
  readonly maintenance: StoreMaintenance;
  readonly meta: MetaStore;
  readonly coordination: PostgresCoordination;

  constructor(
    database: DatabaseUrl,
    readonly retention: Retention,
    readonly clock: () => number = Date.now,
    private readonly options: PostgresStoreOptions = {},
  ) {
    this.file = database.display;
    this.faults = new StoreFaults(
      database.display,
      clock,
      () => {},
      undefined,
      (error, where) => toPostgresStoreError(error, where, database.password),
    );
    this.connection = new PostgresConnection(database, this.faults, options.poolSize);
    this.coordination = new PostgresCoordination(
      database,
      this.connection,
      options.leaseMs ?? DEFAULT_LEASE_MS,
    );
    this.history = postgresHistory(this.connection, () => ({ now: this.clock(), retention: this.retention }));
    this.recording = postgresRecording(this.connection, this.partitions);
    this.alerts = postgresAlerts(this.connection);
    this.access = postgresAccess(this.connection);
    this.maintenance = {
      runNow: (now, retention = this.retention) =>
        this.connection.run('maintenance', (db) =>
          runPostgresMaintenance(db, now, retention, this.partitions),
        ),
      tableBytes: () => this.connection.run('reads', tableBytes),
    };
    const run = this.connection.run.bind(this.connection);
    this.meta = {
      readMeta: (key) => run('reads', (db) => readMeta(db, key)),
      writeMeta: (key, value) => run('access', (db) => writeMeta(db, key, value)),
      ensureMeta: (key, value) => run('access', (db) => ensureMeta(db, key, value)),
    };
    if (options.maintain !== false) this.startMaintenance();
  }

  /** The server and database, without the password: for messages that tell an operator where to look. */
  readonly file: string;

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.coordination.close();
    await this.connection.close();
  }

  /**
   * Every minute, once the store has opened (a store nobody used stays unconnected), by the replica that leads
   * only. A run still going is not started again; its failure is reported as maintenance's (logged when it is not
   * the store's).
   */
  private startMaintenance(): void {
    this.timer = setInterval(() => {
      if (this.maintaining || this.connection.opens === 0 || !this.coordination.leads) return;
      this.maintaining = true;
      this.maintenance
        .runNow(Date.now())
        .catch((error: unknown) => {
          if (!isStoreError(error)) console.error('[hapscope] history maintenance failed:', error);
        })
        .finally(() => (this.maintaining = false));
    }, MAINTENANCE_INTERVAL_MS);
    this.timer.unref();
  }
}

/**
 * Bytes each table and index takes, as SQLite counts them: a table's partitions and its primary key (which SQLite
 * keeps in the table's own b-tree, WITHOUT ROWID) under the table's name, other indexes under theirs.
 */
async function tableBytes(db: PgDb): Promise<Map<string, number>> {
  const sizes = await rows<{ name: string; bytes: number }>(
    db,
    `SELECT COALESCE(p.relname, t.relname, c.relname) AS name, SUM(pg_table_size(c.oid)) AS bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_index x ON x.indexrelid = c.oid AND x.indisprimary
     LEFT JOIN pg_class t ON t.oid = x.indrelid
     LEFT JOIN pg_inherits i ON i.inhrelid = COALESCE(t.oid, c.oid)
     LEFT JOIN pg_class p ON p.oid = i.inhparent
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i')
     GROUP BY 1`,
  );
  return new Map(sizes.map((s) => [s.name, s.bytes]));
}
