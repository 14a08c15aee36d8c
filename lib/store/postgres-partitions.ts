/**
 * The PostgreSQL store's raw sample tables (samples, backend_samples on `at`, and their packed blocks,
 * sample_blocks and backend_sample_blocks, on `block`: raw-samples.ts) are partitioned by UTC day: a day's
 * partition is made before anything is written to it (the writer asks for the days of its poll; maintenance makes
 * today's and the next two ahead), and retention drops a day's partitions once the whole day is older than the cut
 * (no DELETE, no vacuum of dead rows). A day is named in the table's name: samples_20250601.
 */
import type { PgDb } from './postgres-connection';

export const DAY_MS = 86_400_000;
export const PARTITIONED_TABLES = [
  'samples',
  'backend_samples',
  'sample_blocks',
  'backend_sample_blocks',
] as const;
/** Days made ahead of today by maintenance, so the writer rarely has to. */
export const DAYS_AHEAD = 2;

const dayName = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
export const partitionName = (table: string, day: number) => `${table}_${dayName(day)}`;
export const dayOf = (at: number) => Math.floor(at / DAY_MS);

/** duplicate_table, and the catalog's unique_violation when two sessions create one at the same moment. */
const ALREADY_THERE = new Set(['42P07', '23505']);

export class Partitions {
  /** Days whose partitions exist (in every partitioned table), as far as this process knows. */
  private readonly known = new Set<number>();
  /** One change at a time in this process: the writer and maintenance may ask for the same day. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Makes the partitions of these days (epoch days) that this process has not seen made. */
  async ensure(db: PgDb, days: Iterable<number>): Promise<void> {
    const missing = [...new Set(days)].filter((day) => !this.known.has(day));
    if (missing.length === 0) return;
    await this.serially(async () => {
      for (const day of missing) {
        if (this.known.has(day)) continue;
        for (const table of PARTITIONED_TABLES) await createPartition(db, table, day);
        this.known.add(day);
      }
    });
  }

  /** Drops every day whose end is at or before `cut` (epoch ms); the days dropped. */
  async dropBefore(db: PgDb, cut: number): Promise<number[]> {
    return this.serially(async () => {
      const dropped = new Set<number>();
      for (const table of PARTITIONED_TABLES) {
        for (const { name, day } of await listPartitions(db, table)) {
          if ((day + 1) * DAY_MS > cut) continue;
          await db.query(`DROP TABLE IF EXISTS ${name}`);
          dropped.add(day);
        }
      }
      for (const day of dropped) this.known.delete(day);
      return [...dropped].sort((a, b) => a - b);
    });
  }

  /** The days this process knows to exist are forgotten (a new database, or a test that dropped them). */
  forget(): void {
    this.known.clear();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}

async function createPartition(db: PgDb, table: string, day: number): Promise<void> {
  const from = day * DAY_MS;
  try {
    await db.query(
      `CREATE TABLE IF NOT EXISTS ${partitionName(table, day)} PARTITION OF ${table}
       FOR VALUES FROM (${from}) TO (${from + DAY_MS})`,
    );
  } catch (error) {
    if (!ALREADY_THERE.has((error as { code?: string }).code ?? '')) throw error;
  }
}

/** The table's partitions, each with its day (from its name). */
export async function listPartitions(db: PgDb, table: string): Promise<{ name: string; day: number }[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
    [table],
  );
  return rows.flatMap(({ name }) => {
    const match = /_(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (!match) return [];
    return [{ name, day: dayOf(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) }];
  });
}
