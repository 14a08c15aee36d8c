/**
 * The PostgreSQL store's connections (DATABASE_URL): a pool made on first use — never at import — whose first
 * connection applies the migrations (postgres-migrations.ts), and tries again on the next use while it cannot.
 * Every operation runs on one pooled client, as one part's (store-faults.ts): a failure to connect is the `open`
 * part's and the operation's, both as StoreError (postgres-errors.ts); a lost connection never crashes the process
 * (every client has an error listener) and is replaced on the next use.
 */
import pg from 'pg';
import type { DatabaseUrl } from '@/lib/config/database-url';
import { isStoreError } from '@/lib/problems/store-fault';
import type { StorePart } from '@/lib/problems/store-problems';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import type { StoreFaults } from './store-faults';

export type PgDb = pg.ClientBase;

/** BIGINT (times, counts) and NUMERIC (SUM of BIGINT, ROUND) as numbers, as SQLite gives them. */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8) return (text: string) => Number(text);
    if (oid === pg.types.builtins.NUMERIC) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Two processes starting at once migrate one after the other. */
const MIGRATION_LOCK = 0x68617073; // 'haps'

export interface RunOptions {
  /** false: the caller reports successes itself (the recorder does, once its backlog is written). */
  reportSuccess?: boolean;
}

export class PostgresConnection {
  private pool: pg.Pool | null = null;
  private migrated = false;

  constructor(
    private readonly database: DatabaseUrl,
    readonly faults: StoreFaults,
    private readonly poolSize = 4,
  ) {}

  /** 1 once the schema is in place: ids stay valid across reconnections (the data is the server's). */
  get opens(): number {
    return this.migrated ? 1 : 0;
  }

  /** Connects (and migrates) now: throws StoreError, reported as the `open` part's, while it cannot. */
  async open(): Promise<void> {
    const client = await this.acquire();
    client.release();
  }

  /** One operation of `part` on one client. */
  async run<T>(part: StorePart, work: (db: PgDb) => Promise<T>, options: RunOptions = {}): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.acquire();
    } catch (error) {
      throw this.faults.failed(part, error) ?? error;
    }
    try {
      const result = await work(client);
      client.release();
      if (options.reportSuccess !== false) this.faults.succeeded(part);
      return result;
    } catch (error) {
      const storeError = this.faults.failed(part, error);
      // A lost connection is not given back to the pool; a bug's client is (its transaction was rolled back).
      client.release(storeError ? storeError : undefined);
      throw storeError ?? error;
    }
  }

  /** One operation of `part` in one transaction: all or none. */
  transaction<T>(part: StorePart, work: (db: PgDb) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.run(part, (db) => inTransaction(db, () => work(db)), options);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  private async acquire(): Promise<pg.PoolClient> {
    let client: pg.PoolClient | null = null;
    try {
      client = await (this.pool ??= this.createPool()).connect();
      if (!this.migrated) {
        await migrate(client);
        this.migrated = true;
      }
    } catch (error) {
      client?.release(isStoreError(error) || error instanceof Error ? error : undefined);
      throw this.faults.failed('open', error) ?? error;
    }
    this.faults.succeeded('open');
    return client;
  }

  private createPool(): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.database.url,
      max: this.poolSize,
      connectionTimeoutMillis: 5_000,
      // A server that takes the connection but stops answering must not hold a poll (or a page) for ever.
      query_timeout: 60_000,
      idleTimeoutMillis: 30_000,
      application_name: 'hapscope',
      types: TYPES,
    });
    // A server that goes away errors every client, idle or busy: the operation in flight rejects (and is
    // reported); the event itself must find a listener, or Node ends the process.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return pool;
  }
}

/** BEGIN … COMMIT around `work`, ROLLBACK when it throws. */
export async function inTransaction<T>(db: PgDb, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function migrate(db: PgDb): Promise<void> {
  await inTransaction(db, async () => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_version');
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await db.query('INSERT INTO schema_version (version) VALUES (0)');
    for (; version < POSTGRES_MIGRATIONS.length; version++) {
      await db.query(POSTGRES_MIGRATIONS[version]!);
      await db.query('UPDATE schema_version SET version = $1', [version + 1]);
    }
  });
}

/** The rows of one statement. */
export async function rows<T>(db: PgDb, sql: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, values)).rows as T[];
}

/** The first row of one statement, or undefined. */
export async function row<T>(db: PgDb, sql: string, values: unknown[] = []): Promise<T | undefined> {
  return (await db.query(sql, values)).rows[0] as T | undefined;
}
