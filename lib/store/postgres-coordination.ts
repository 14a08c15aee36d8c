/**
 * Replicas on one PostgreSQL (store-coordination.ts). Each process keeps one session of its own, apart from the
 * pool: it LISTENs there, and the leader holds a session-level advisory lock there. The lock goes with the session:
 * a leader that is killed loses it as soon as its connection closes, and the next replica to try takes it. A leader
 * whose session hangs (a network cut) steps down once a check takes longer than half the lease; the server ends
 * such a session itself about a lease after it went silent (TCP keepalives), so the lock is free by then.
 *
 * Published polls go to an UNLOGGED table (no WAL: they are worth nothing after a crash), the latest KEPT_POLLS of
 * them, and a NOTIFY names each; alert changes are NOTIFYed by the alert log's appenders (postgres-alerts.ts), in
 * the transaction that appends them, so notices come in the order the changes commit.
 */
import pg from 'pg';
import type { DatabaseUrl } from '@/lib/config/database-url';
import { rows, row, type PostgresConnection } from './postgres-connection';
import type { CoordinationNotice, RelayedRecord, StoreCoordination } from './store-coordination';

/** The leader's advisory lock ('hapl'); the migrations' is 'haps', the alert log's 'hapt'. */
const LEADER_LOCK = 0x6861706c;
export const POLLS_CHANNEL = 'hapscope_polls';
export const ALERT_EVENTS_CHANNEL = 'hapscope_alert_events';
/** Published polls kept for replicas that fall behind (a few polls of every source). */
const KEPT_POLLS = 64;

export class PostgresCoordination implements StoreCoordination {
  readonly shared = true;
  private session: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private leading = false;
  private closed = false;
  private readonly listeners = new Set<(notice: CoordinationNotice) => void>();

  constructor(
    private readonly database: DatabaseUrl,
    private readonly connection: PostgresConnection,
    private readonly leaseMs: number,
  ) {}

  /** Whether this process holds the lead, as last known. */
  get leads(): boolean {
    return this.leading;
  }

  async tryLead(): Promise<boolean> {
    if (this.closed) return false;
    const session = await this.open();
    if (this.leading) return true;
    const result = await row<{ ok: boolean }>(session, 'SELECT pg_try_advisory_lock($1) AS ok', [
      LEADER_LOCK,
    ]);
    // The session may have ended while it answered: then the lock went with it.
    this.leading = result?.ok === true && this.session === session;
    return this.leading;
  }

  async confirmLead(): Promise<boolean> {
    const session = this.session;
    if (!this.leading || !session) return false;
    try {
      await session.query('SELECT 1');
    } catch {
      this.drop(session);
    }
    return this.leading;
  }

  async releaseLead(): Promise<void> {
    const session = this.session;
    if (!this.leading || !session) return;
    this.leading = false;
    await session.query('SELECT pg_advisory_unlock($1)', [LEADER_LOCK]).catch(() => this.drop(session));
  }

  publishPoll({ generation, body }: RelayedRecord): Promise<void> {
    return this.connection.transaction(
      'recorder',
      async (db) => {
        await db.query(
          'INSERT INTO relayed_polls (generation, body) VALUES ($1, $2) ON CONFLICT (generation) DO NOTHING',
          [generation, Buffer.from(body.buffer, body.byteOffset, body.byteLength)],
        );
        await db.query('DELETE FROM relayed_polls WHERE generation <= $1', [generation - KEPT_POLLS]);
        await db.query('SELECT pg_notify($1, $2)', [POLLS_CHANNEL, String(generation)]);
      },
      // The recorder says whether its part works, once its own writes go through.
      { reportSuccess: false },
    );
  }

  pollsAfter(generation: number): Promise<RelayedRecord[]> {
    return this.connection.run('reads', (db) =>
      rows<RelayedRecord>(
        db,
        'SELECT generation, body FROM relayed_polls WHERE generation > $1 ORDER BY generation',
        [generation],
      ),
    );
  }

  lastPublished(): Promise<number> {
    return this.connection.run('reads', async (db) => {
      const last = await row<{ generation: number | null }>(
        db,
        'SELECT MAX(generation) AS generation FROM relayed_polls',
      );
      return last?.generation ?? 0;
    });
  }

  listen(listener: (notice: CoordinationNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    this.session = null;
    this.leading = false;
    await session?.end().catch(() => {});
  }

  /** The process's own session, connected (and listening) on first use and again after it ended. */
  private open(): Promise<pg.Client> {
    if (this.session) return Promise.resolve(this.session);
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return (this.connecting ??= this.connect().finally(() => (this.connecting = null)));
  }

  private async connect(): Promise<pg.Client> {
    const leaseSec = Math.max(1, Math.ceil(this.leaseMs / 1000));
    const session = new pg.Client({
      connectionString: this.database.url,
      application_name: 'hapscope-coordination',
      connectionTimeoutMillis: 5_000,
      // A check that hangs for half the lease means the lead cannot be confirmed: step down.
      query_timeout: Math.max(500, Math.floor(this.leaseMs / 2)),
      keepAlive: true,
    });
    session.on('error', () => this.drop(session));
    session.on('end', () => this.drop(session));
    session.on('notification', (message) => this.heard(message));
    try {
      await session.connect();
      // The server ends a session that went silent about a lease ago, and with it the lock.
      const idle = Math.max(1, Math.floor(leaseSec / 2));
      await session.query(
        `SET tcp_keepalives_idle = ${idle}; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = ${leaseSec - idle + 1}`,
      );
      await session.query(`LISTEN ${POLLS_CHANNEL}; LISTEN ${ALERT_EVENTS_CHANNEL}`);
    } catch (error) {
      await session.end().catch(() => {});
      throw this.connection.faults.failed('open', error) ?? error;
    }
    if (this.closed) {
      await session.end().catch(() => {});
      throw new Error('the store is closed');
    }
    this.session = session;
    this.tell({ kind: 'connected' });
    return session;
  }

  /** The session is gone (or hangs): so is the lead, and notices until it connects again. */
  private drop(session: pg.Client): void {
    if (this.session !== session) return;
    this.session = null;
    this.leading = false;
    void session.end().catch(() => {});
  }

  private heard(message: pg.Notification): void {
    const value = Number(message.payload);
    if (!Number.isSafeInteger(value)) return;
    if (message.channel === POLLS_CHANNEL) this.tell({ kind: 'poll', generation: value });
    else if (message.channel === ALERT_EVENTS_CHANNEL) this.tell({ kind: 'alert-event', seq: value });
  }

  private tell(notice: CoordinationNotice): void {
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch (error) {
        console.error('[hapscope] a coordination listener failed:', error);
      }
    }
  }
}
