/**
 * Turns environment variables (and the optional config file's values) into a validated Config.
 * Pure: the caller passes the environment, so tests and `next build` never depend on the real one.
 */
import type { RawSettings } from './raw-settings';
import { MIN_SECRET_LENGTH } from '@/lib/embeds/embed-token';
import { isFrameAncestorSource } from '@/lib/embeds/frame-ancestors';
import { ConfigError } from './config-error';
import { read, readChoice, readInteger, readList, readPositiveNumber, readSecret } from './readers';
import { parseSources, type Source } from './parse-sources';
import { parseTopologySettings, type TopologyConfig } from './topology-file';
import { AUTH_KEYS, parseAuthSettings, type AuthConfig } from './auth-settings';
import { parseDatabaseUrl, type DatabaseUrl } from './database-url';

export interface Config {
  sources: Source[];
  pollIntervalMs: number;
  pollTimeoutMs: number;
  dataDir: string;
  /** DATABASE_URL: the store in PostgreSQL; null keeps it in the SQLite file under dataDir. */
  database: DatabaseUrl | null;
  /**
   * With replicas on one DATABASE_URL: how long a leader that cannot confirm its lead with the database goes on
   * polling; a replica takes over a killed leader within a fifth of it (at most a second) plus its first poll.
   */
  leaderLeaseMs: number;
  port: number;
  kubeconfig: string | null;
  k8sEnabled: 'auto' | 'true' | 'false';
  poolLabels: string[];
  embedAllowedOrigins: string[];
  /** PUBLIC_URL's origin: where users reach hapscope (behind a reverse proxy); null: the address asked for. */
  publicOrigin: string | null;
  /** HMAC secret for embed tokens; null: embeds need no token. */
  embedTokenSecret: string | null;
  /** Server → node and server → pool rules, backend → health-check Host (topology-file.ts). */
  topology: TopologyConfig;
  /** History retention: raw samples (hours), minute rollups (days), hour rollups (days). */
  retention: { rawHours: number; minuteDays: number; hourDays: number };
  /** Flap detection and alert thresholds (the config file is the usual place for them). */
  alerts: {
    flapHighPct: number;
    flapLowPct: number;
    downGraceMs: number;
    latencyP95Ms: number;
    poolUnstableServers: number;
    /** A backend alerts when at least this percent of its HTTP responses over a poll interval are 5xx … */
    http5xxPct: number;
    /** … and it answers at least this many 5xx per second (a few stray errors are not an outage). */
    http5xxMinRate: number;
    /** A server alerts when HAProxy's average response time (rtime) is at least this. */
    responseTimeMs: number;
    /** Two load balancers (different HAProxy processes) disagreeing about a server this long alert (lb-disagree). */
    lbDisagreeGraceMs: number;
  };
  /** Open Server-Sent Events streams one client address may hold; beyond it, 429. */
  sseMaxStreamsPerClient: number;
  /** Sign-in mode, roles from groups, sessions, and what is readable without signing in. */
  auth: AuthConfig;
  /** Where the values came from, for the start-up log line (never the values themselves). */
  configFile: string | null;
}

export type { RawSettings } from './raw-settings';

/** Every key hapscope reads (api-v1.md's and its own); a config file naming another key is refused. */
export const CONFIG_KEYS = [
  'HAPROXY_STATS_URL',
  'POLL_INTERVAL_MS',
  'POLL_TIMEOUT_MS',
  'DATA_DIR',
  'DATABASE_URL',
  'LEADER_LEASE_MS',
  'PORT',
  'KUBECONFIG',
  'K8S_ENABLED',
  'POOL_LABELS',
  'EMBED_ALLOWED_ORIGINS',
  'EMBED_TOKEN_SECRET',
  'PUBLIC_URL',
  'RETENTION_RAW_HOURS',
  'RETENTION_MINUTE_DAYS',
  'RETENTION_HOUR_DAYS',
  'FLAP_HIGH_PCT',
  'FLAP_LOW_PCT',
  'ALERT_DOWN_GRACE_MS',
  'ALERT_LATENCY_P95_MS',
  'ALERT_POOL_UNSTABLE_SERVERS',
  'ALERT_HTTP_5XX_PCT',
  'ALERT_HTTP_5XX_MIN_RATE',
  'ALERT_RESPONSE_TIME_MS',
  'ALERT_LB_DISAGREE_GRACE_MS',
  'SERVER_OVERRIDES',
  'STATIC_POOLS',
  'BACKEND_HOSTS',
  'SSE_MAX_STREAMS_PER_CLIENT',
  ...AUTH_KEYS,
] as const;

export const DEFAULTS = {
  HAPROXY_STATS_URL: 'http://127.0.0.1:8404/stats;csv',
  POLL_INTERVAL_MS: 2000,
  DATA_DIR: './data',
  LEADER_LEASE_MS: 5_000,
  PORT: 3000,
  K8S_ENABLED: 'auto',
  POOL_LABELS: 'svccontroller.k3s.cattle.io/lbpool,topology.kubernetes.io/zone',
  EMBED_ALLOWED_ORIGINS: "'self'",
  RETENTION_RAW_HOURS: 48,
  RETENTION_MINUTE_DAYS: 30,
  RETENTION_HOUR_DAYS: 365,
  FLAP_HIGH_PCT: 20,
  FLAP_LOW_PCT: 5,
  ALERT_DOWN_GRACE_MS: 10_000,
  ALERT_LATENCY_P95_MS: 500,
  ALERT_POOL_UNSTABLE_SERVERS: 2,
  ALERT_HTTP_5XX_PCT: 5,
  ALERT_HTTP_5XX_MIN_RATE: 0.1,
  ALERT_RESPONSE_TIME_MS: 1000,
  // Two load balancers' checks run out of step: a server going down is seen by one a few intervals first.
  ALERT_LB_DISAGREE_GRACE_MS: 30_000,
  // A person with many tabs open stays well below it.
  SSE_MAX_STREAMS_PER_CLIENT: 20,
} as const;

const MIN_POLL_INTERVAL_MS = 250;
const MAX_TIMEOUT_MS = 5000;

export function parseConfig(settings: RawSettings, configFile: string | null = null): Config {
  const pollIntervalMs = readInteger(settings, 'POLL_INTERVAL_MS', DEFAULTS.POLL_INTERVAL_MS, {
    min: MIN_POLL_INTERVAL_MS,
  });
  const pollTimeoutMs = readInteger(settings, 'POLL_TIMEOUT_MS', Math.min(MAX_TIMEOUT_MS, pollIntervalMs), {
    min: 50,
  });
  return {
    sources: parseSources(read(settings, 'HAPROXY_STATS_URL') ?? DEFAULTS.HAPROXY_STATS_URL),
    pollIntervalMs,
    pollTimeoutMs,
    dataDir: read(settings, 'DATA_DIR') ?? DEFAULTS.DATA_DIR,
    database: readDatabaseUrl(settings),
    leaderLeaseMs: readInteger(settings, 'LEADER_LEASE_MS', DEFAULTS.LEADER_LEASE_MS, { min: 1_000, max: 60_000 }),
    port: readInteger(settings, 'PORT', DEFAULTS.PORT, { min: 1, max: 65535 }),
    kubeconfig: read(settings, 'KUBECONFIG') ?? null,
    k8sEnabled: readChoice(settings, 'K8S_ENABLED', ['auto', 'true', 'false'], DEFAULTS.K8S_ENABLED),
    poolLabels: readList(settings, 'POOL_LABELS', ',', DEFAULTS.POOL_LABELS),
    embedAllowedOrigins: readOrigins(settings, 'EMBED_ALLOWED_ORIGINS'),
    embedTokenSecret: readSecret(settings, 'EMBED_TOKEN_SECRET', MIN_SECRET_LENGTH),
    publicOrigin: readPublicOrigin(settings),
    topology: parseTopologySettings(settings),
    retention: {
      rawHours: readInteger(settings, 'RETENTION_RAW_HOURS', DEFAULTS.RETENTION_RAW_HOURS, {
        min: 1,
        max: 24 * 90,
      }),
      minuteDays: readInteger(settings, 'RETENTION_MINUTE_DAYS', DEFAULTS.RETENTION_MINUTE_DAYS, {
        min: 1,
        max: 3650,
      }),
      hourDays: readInteger(settings, 'RETENTION_HOUR_DAYS', DEFAULTS.RETENTION_HOUR_DAYS, {
        min: 1,
        max: 3650,
      }),
    },
    alerts: readAlertSettings(settings),
    sseMaxStreamsPerClient: readInteger(
      settings,
      'SSE_MAX_STREAMS_PER_CLIENT',
      DEFAULTS.SSE_MAX_STREAMS_PER_CLIENT,
      { min: 1, max: 10_000 },
    ),
    auth: parseAuthSettings(settings),
    configFile,
  };
}

function readAlertSettings(settings: RawSettings): Config['alerts'] {
  const flapHighPct = readInteger(settings, 'FLAP_HIGH_PCT', DEFAULTS.FLAP_HIGH_PCT, { min: 1, max: 100 });
  const flapLowPct = readInteger(settings, 'FLAP_LOW_PCT', DEFAULTS.FLAP_LOW_PCT, { min: 0, max: 100 });
  if (flapLowPct >= flapHighPct) {
    throw new ConfigError('FLAP_LOW_PCT', `must be below FLAP_HIGH_PCT (${flapHighPct}), got ${flapLowPct}`);
  }
  return {
    flapHighPct,
    flapLowPct,
    downGraceMs: readInteger(settings, 'ALERT_DOWN_GRACE_MS', DEFAULTS.ALERT_DOWN_GRACE_MS, { min: 0 }),
    latencyP95Ms: readInteger(settings, 'ALERT_LATENCY_P95_MS', DEFAULTS.ALERT_LATENCY_P95_MS, { min: 1 }),
    poolUnstableServers: readInteger(
      settings,
      'ALERT_POOL_UNSTABLE_SERVERS',
      DEFAULTS.ALERT_POOL_UNSTABLE_SERVERS,
      {
        min: 1,
      },
    ),
    http5xxPct: readInteger(settings, 'ALERT_HTTP_5XX_PCT', DEFAULTS.ALERT_HTTP_5XX_PCT, {
      min: 1,
      max: 100,
    }),
    http5xxMinRate: readPositiveNumber(settings, 'ALERT_HTTP_5XX_MIN_RATE', DEFAULTS.ALERT_HTTP_5XX_MIN_RATE),
    responseTimeMs: readInteger(settings, 'ALERT_RESPONSE_TIME_MS', DEFAULTS.ALERT_RESPONSE_TIME_MS, {
      min: 1,
    }),
    lbDisagreeGraceMs: readInteger(
      settings,
      'ALERT_LB_DISAGREE_GRACE_MS',
      DEFAULTS.ALERT_LB_DISAGREE_GRACE_MS,
      { min: 0 },
    ),
  };
}

function readDatabaseUrl(settings: RawSettings): DatabaseUrl | null {
  const raw = read(settings, 'DATABASE_URL');
  return raw === undefined ? null : parseDatabaseUrl(raw);
}

/** PUBLIC_URL, e.g. https://hapscope.example.com (a path is allowed and ignored here): its origin. */
function readPublicOrigin(settings: RawSettings): string | null {
  const text = read(settings, 'PUBLIC_URL');
  if (text === undefined) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an http(s) URL such as https://hapscope.example.com, got "${text}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an http(s) URL such as https://hapscope.example.com, got "${text}"`,
    );
  }
  return url.origin;
}

function readOrigins(settings: RawSettings, key: string): string[] {
  const origins = readList(settings, key, ' ', DEFAULTS.EMBED_ALLOWED_ORIGINS);
  const bad = origins.find((origin) => !isFrameAncestorSource(origin));
  if (bad !== undefined) {
    throw new ConfigError(key, `"${bad}" is not an origin (https://host[:port]), 'self' or 'none'`);
  }
  return origins;
}
