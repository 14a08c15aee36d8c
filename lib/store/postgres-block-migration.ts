/**
 * PostgreSQL migration: raw samples packed one row per series per 10-minute block (issue 14, raw-samples.ts),
 * partitioned by day on `block` like the rows (postgres-partitions.ts makes the days), and rollup runs one row per
 * series per day (packed-runs.ts), as SQLite's schema 7; the unread index on transitions' ids dropped. Rows of
 * earlier versions stay where they are until maintenance packs them, and read the same meanwhile.
 */
export const PACKED_SAMPLES_MIGRATION = `
  CREATE TABLE sample_blocks (
    block BIGINT NOT NULL, -- epoch ms, a multiple of 10 minutes
    server_id INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (server_id, block)
  ) PARTITION BY RANGE (block);
  CREATE TABLE backend_sample_blocks (
    block BIGINT NOT NULL,
    backend_id INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (backend_id, block)
  ) PARTITION BY RANGE (block);
  -- Nothing looks a transition up by id (it only breaks ties in time order, and stays unique by its identity):
  -- its index was 15 % of a year of transitions.
  ALTER TABLE transitions DROP CONSTRAINT transitions_pkey;
  -- Rollup runs of a UTC day packed one row per series once hours are rolled past it (packed-runs.ts).
  CREATE TABLE rollup_minute_blocks (
    server_id INTEGER NOT NULL, block INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (server_id, block)
  );
  CREATE TABLE rollup_hour_blocks (
    server_id INTEGER NOT NULL, block INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (server_id, block)
  );
  CREATE TABLE backend_rollup_minute_blocks (
    backend_id INTEGER NOT NULL, block INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (backend_id, block)
  );
  CREATE TABLE backend_rollup_hour_blocks (
    backend_id INTEGER NOT NULL, block INTEGER NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (backend_id, block)
  );
`;
