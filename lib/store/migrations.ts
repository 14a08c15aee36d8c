/**
 * Numbered schema migrations, applied in order at open; PRAGMA user_version records the last one applied.
 * Times are epoch milliseconds; statuses are small integers (status-codes.ts) to keep rows compact.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE instances (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- last process facts read, to detect a reload across a restart of hapscope
    pid INTEGER, uptime_sec INTEGER, info_at INTEGER
  );
  CREATE TABLE servers (
    id INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL REFERENCES instances(id),
    backend TEXT NOT NULL,
    name TEXT NOT NULL,
    backup INTEGER NOT NULL DEFAULT 0,
    pool TEXT,
    first_seen_at INTEGER NOT NULL,
    first_status INTEGER NOT NULL,
    first_transition INTEGER NOT NULL,
    -- the last known state: loaded at start so a restart does not invent transitions
    last_status INTEGER NOT NULL,
    last_transition INTEGER NOT NULL,
    -- set when a successful poll no longer lists the server; its last state stops holding there
    gone_at INTEGER,
    UNIQUE (instance_id, backend, name)
  );
  CREATE TABLE coverage (
    id INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL REFERENCES instances(id),
    from_ms INTEGER NOT NULL,
    to_ms INTEGER NOT NULL
  );
  CREATE INDEX coverage_by_instance ON coverage (instance_id, to_ms);
  CREATE INDEX coverage_by_end ON coverage (to_ms);
  CREATE TABLE samples (
    server_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    status INTEGER NOT NULL,
    transition INTEGER NOT NULL,
    check_ms INTEGER,
    sessions INTEGER NOT NULL,
    queue INTEGER NOT NULL,
    rate INTEGER NOT NULL,
    stot INTEGER NOT NULL,
    chkfail INTEGER NOT NULL,
    chkdown INTEGER NOT NULL,
    downtime INTEGER,
    PRIMARY KEY (server_id, at)
  ) WITHOUT ROWID;
  CREATE TABLE transitions (
    id INTEGER PRIMARY KEY,
    server_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    precision_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    from_status INTEGER,
    from_transition INTEGER,
    to_status INTEGER NOT NULL,
    to_transition INTEGER NOT NULL,
    check_status TEXT,
    check_code INTEGER,
    check_desc TEXT
  );
  CREATE INDEX transitions_by_server ON transitions (server_id, at);
  CREATE INDEX transitions_by_time ON transitions (at);
  CREATE TABLE reloads (
    instance_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    pid INTEGER,
    PRIMARY KEY (instance_id, at)
  ) WITHOUT ROWID;
  CREATE TABLE rollup_minute (
    server_id INTEGER NOT NULL,
    bucket INTEGER NOT NULL, -- epoch minutes
    up_ms INTEGER NOT NULL, down_ms INTEGER NOT NULL, planned_ms INTEGER NOT NULL, nodata_ms INTEGER NOT NULL,
    worst INTEGER NOT NULL, -- severityOf(): lower is worse
    check_avg REAL, check_max INTEGER,
    sess_avg REAL NOT NULL, sess_max INTEGER NOT NULL,
    rate_avg REAL NOT NULL, rate_max INTEGER NOT NULL,
    queue_max INTEGER NOT NULL,
    PRIMARY KEY (server_id, bucket)
  ) WITHOUT ROWID;
  CREATE TABLE rollup_hour (
    server_id INTEGER NOT NULL,
    bucket INTEGER NOT NULL, -- epoch hours
    up_ms INTEGER NOT NULL, down_ms INTEGER NOT NULL, planned_ms INTEGER NOT NULL, nodata_ms INTEGER NOT NULL,
    worst INTEGER NOT NULL,
    check_avg REAL, check_max INTEGER,
    sess_avg REAL NOT NULL, sess_max INTEGER NOT NULL,
    rate_avg REAL NOT NULL, rate_max INTEGER NOT NULL,
    queue_max INTEGER NOT NULL,
    PRIMARY KEY (server_id, bucket)
  ) WITHOUT ROWID;
  `,
  `
  -- Alerts: one row per episode (fired → resolved); the event log numbers every change for the SSE stream.
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    rule_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    instance TEXT, backend TEXT, server TEXT, pool TEXT,
    summary TEXT NOT NULL,
    state TEXT NOT NULL,
    since INTEGER NOT NULL,
    fired_at INTEGER NOT NULL,
    resolved_at INTEGER,
    group_id TEXT,
    inhibited_by TEXT,
    acked_at INTEGER,
    acked_by TEXT
  );
  CREATE INDEX alerts_by_state ON alerts (state, resolved_at);
  CREATE TABLE alert_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    alert_id TEXT NOT NULL,
    change TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX alert_events_by_alert ON alert_events (alert_id);
  CREATE TABLE mutes (
    id INTEGER PRIMARY KEY,
    instance TEXT, backend TEXT, server TEXT, pool TEXT,
    until INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    reason TEXT
  );
  `,
  `
  -- One name per quantity: HAProxy's check_duration, as the API's checkDurationMs.
  ALTER TABLE samples RENAME COLUMN check_ms TO check_duration_ms;
  ALTER TABLE rollup_minute RENAME COLUMN check_avg TO check_duration_ms;
  ALTER TABLE rollup_minute RENAME COLUMN check_max TO check_duration_max_ms;
  ALTER TABLE rollup_hour RENAME COLUMN check_avg TO check_duration_ms;
  ALTER TABLE rollup_hour RENAME COLUMN check_max TO check_duration_max_ms;
  `,
  `
  -- Traffic of each server (issue 10): rates per second from poll deltas, HAProxy's rtime and ttime in ms.
  ALTER TABLE samples ADD COLUMN http_5xx_rate REAL;
  ALTER TABLE samples ADD COLUMN connection_errors_rate REAL;
  ALTER TABLE samples ADD COLUMN response_errors_rate REAL;
  ALTER TABLE samples ADD COLUMN response_ms INTEGER;
  ALTER TABLE samples ADD COLUMN total_ms INTEGER;
  ALTER TABLE samples ADD COLUMN bytes_in_rate REAL;
  ALTER TABLE samples ADD COLUMN bytes_out_rate REAL;
  -- Their rollups: time-weighted means over the time each was known; maxima where peaks matter.
  ALTER TABLE rollup_minute ADD COLUMN http_5xx_rate REAL;
  ALTER TABLE rollup_minute ADD COLUMN http_5xx_rate_max REAL;
  ALTER TABLE rollup_minute ADD COLUMN connection_errors_rate REAL;
  ALTER TABLE rollup_minute ADD COLUMN response_errors_rate REAL;
  ALTER TABLE rollup_minute ADD COLUMN response_ms REAL;
  ALTER TABLE rollup_minute ADD COLUMN response_max_ms INTEGER;
  ALTER TABLE rollup_minute ADD COLUMN total_ms REAL;
  ALTER TABLE rollup_minute ADD COLUMN total_max_ms INTEGER;
  ALTER TABLE rollup_minute ADD COLUMN bytes_in_rate REAL;
  ALTER TABLE rollup_minute ADD COLUMN bytes_out_rate REAL;
  ALTER TABLE rollup_hour ADD COLUMN http_5xx_rate REAL;
  ALTER TABLE rollup_hour ADD COLUMN http_5xx_rate_max REAL;
  ALTER TABLE rollup_hour ADD COLUMN connection_errors_rate REAL;
  ALTER TABLE rollup_hour ADD COLUMN response_errors_rate REAL;
  ALTER TABLE rollup_hour ADD COLUMN response_ms REAL;
  ALTER TABLE rollup_hour ADD COLUMN response_max_ms INTEGER;
  ALTER TABLE rollup_hour ADD COLUMN total_ms REAL;
  ALTER TABLE rollup_hour ADD COLUMN total_max_ms INTEGER;
  ALTER TABLE rollup_hour ADD COLUMN bytes_in_rate REAL;
  ALTER TABLE rollup_hour ADD COLUMN bytes_out_rate REAL;
  -- Backends: their own HAProxy row, which counts the 503s the backend answers itself when no server is usable.
  CREATE TABLE backends (
    id INTEGER PRIMARY KEY,
    instance_id INTEGER NOT NULL REFERENCES instances(id),
    name TEXT NOT NULL,
    first_seen_at INTEGER NOT NULL,
    gone_at INTEGER,
    UNIQUE (instance_id, name)
  );
  CREATE TABLE backend_samples (
    backend_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    rate INTEGER NOT NULL,
    http_5xx_rate REAL, connection_errors_rate REAL, response_errors_rate REAL,
    response_ms INTEGER, total_ms INTEGER, bytes_in_rate REAL, bytes_out_rate REAL,
    PRIMARY KEY (backend_id, at)
  ) WITHOUT ROWID;
  CREATE TABLE backend_rollup_minute (
    backend_id INTEGER NOT NULL,
    bucket INTEGER NOT NULL, -- epoch minutes
    covered_ms INTEGER NOT NULL, nodata_ms INTEGER NOT NULL,
    sess_avg REAL NOT NULL, sess_max INTEGER NOT NULL,
    rate_avg REAL NOT NULL, rate_max INTEGER NOT NULL,
    http_5xx_rate REAL, http_5xx_rate_max REAL, connection_errors_rate REAL, response_errors_rate REAL,
    response_ms REAL, response_max_ms INTEGER, total_ms REAL, total_max_ms INTEGER,
    bytes_in_rate REAL, bytes_out_rate REAL,
    PRIMARY KEY (backend_id, bucket)
  ) WITHOUT ROWID;
  CREATE TABLE backend_rollup_hour (
    backend_id INTEGER NOT NULL,
    bucket INTEGER NOT NULL, -- epoch hours
    covered_ms INTEGER NOT NULL, nodata_ms INTEGER NOT NULL,
    sess_avg REAL NOT NULL, sess_max INTEGER NOT NULL,
    rate_avg REAL NOT NULL, rate_max INTEGER NOT NULL,
    http_5xx_rate REAL, http_5xx_rate_max REAL, connection_errors_rate REAL, response_errors_rate REAL,
    response_ms REAL, response_max_ms INTEGER, total_ms REAL, total_max_ms INTEGER,
    bytes_in_rate REAL, bytes_out_rate REAL,
    PRIMARY KEY (backend_id, bucket)
  ) WITHOUT ROWID;
  `,
  `
  -- Access (api-v1.md "Access"): local users (scrypt hashes), sessions and API/share tokens (SHA-256 of the secret,
  -- found by a public id then compared in constant time), and the audit log of every change and who made it.
  CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT,
    last_sign_in_at INTEGER
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    secret_hash BLOB NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    via TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_name);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    secret_hash BLOB NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER,
    revoked_by TEXT,
    last_used_at INTEGER
  );
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    secret_hash BLOB NOT NULL,
    panel TEXT NOT NULL,
    target TEXT NOT NULL,
    label TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER,
    revoked_by TEXT,
    last_used_at INTEGER
  );
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT
  );
  CREATE INDEX audit_by_target ON audit_log (target, seq);
  ALTER TABLE mutes ADD COLUMN created_by TEXT;
  `,
  `
  -- Rollups keep a row only where a bucket's figures changed (issue 14): a row stands for span buckets in a row,
  -- bucket … bucket + span - 1, each with its figures (lib/history/rollup-runs.ts). Earlier rows hold one each.
  ALTER TABLE rollup_minute ADD COLUMN span INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE rollup_hour ADD COLUMN span INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE backend_rollup_minute ADD COLUMN span INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE backend_rollup_hour ADD COLUMN span INTEGER NOT NULL DEFAULT 1;
  `,
  `
  -- Raw samples older than a few minutes packed one row per series per 10-minute block (issue 14): per sample only
  -- the fields that changed (lib/store/sample-block-codec.ts); maintenance packs the rows of samples and
  -- backend_samples once minutes are rolled past their block, those of earlier schemas included.
  CREATE TABLE sample_blocks (
    server_id INTEGER NOT NULL,
    block INTEGER NOT NULL, -- epoch ms, a multiple of 10 minutes
    data BLOB NOT NULL,
    PRIMARY KEY (server_id, block)
  ) WITHOUT ROWID;
  CREATE TABLE backend_sample_blocks (
    backend_id INTEGER NOT NULL,
    block INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (backend_id, block)
  ) WITHOUT ROWID;
  -- Rollup runs of a UTC day packed one row per series once hours are rolled past it (lib/store/packed-runs.ts).
  CREATE TABLE rollup_minute_blocks (
    server_id INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (server_id, block)
  ) WITHOUT ROWID;
  CREATE TABLE rollup_hour_blocks (
    server_id INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (server_id, block)
  ) WITHOUT ROWID;
  CREATE TABLE backend_rollup_minute_blocks (
    backend_id INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (backend_id, block)
  ) WITHOUT ROWID;
  CREATE TABLE backend_rollup_hour_blocks (
    backend_id INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (backend_id, block)
  ) WITHOUT ROWID;
  `,
];
