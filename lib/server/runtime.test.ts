// Start-up validation through the composition root: every key, bad, stops start-up naming it, before anything
// connects (a real Kubernetes client pointed at the fake API would otherwise list and watch at once).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakeK8s, type FakeK8s } from '@/e2e/harness/fake-k8s';
import { CONFIG_KEYS } from '@/lib/config/parse-config';
import { FakeClock } from '@/lib/testing/fake-clock';
import { createRuntime } from './runtime';

let fake: FakeK8s;
let dir: string;

beforeAll(async () => {
  fake = await startFakeK8s();
  dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-runtime-'));
  writeFileSync(path.join(dir, 'a-file'), 'not a directory');
});
afterAll(async () => {
  await fake.close();
});

const clusterRequests = () =>
  ['list nodes', 'watch nodes', 'list pods', 'watch pods'].reduce(
    (n, what) => n + fake.requestCount(what),
    0,
  );

// One bad value per key and the reason an operator reads; a key added to CONFIG_KEYS without a row fails below.
const BAD: Record<(typeof CONFIG_KEYS)[number], [string, string]> = {
  HAPROXY_STATS_URL: ['ftp://lb:21/stats', 'HAPROXY_STATS_URL: '],
  POLL_INTERVAL_MS: ['100', 'POLL_INTERVAL_MS: must be at least 250, got 100'],
  POLL_TIMEOUT_MS: ['fast', 'POLL_TIMEOUT_MS: must be a whole number, got "fast"'],
  DATA_DIR: ['a-file', 'DATA_DIR: "a-file" is a file, not a directory'],
  DATABASE_URL: [
    'mysql://hapscope:s3cret@db:3306/hapscope',
    'DATABASE_URL: must start with postgres:// (such as postgres://user:password@host:5432/hapscope), got "mysql://hapscope:***@db:3306/hapscope"',
  ],
  LEADER_LEASE_MS: ['500', 'LEADER_LEASE_MS: must be at least 1000, got 500'],
  PORT: ['0', 'PORT: must be at least 1, got 0'],
  KUBECONFIG: ['/nonexistent/kubeconfig', 'KUBECONFIG: names no existing file ("/nonexistent/kubeconfig")'],
  K8S_ENABLED: ['sometimes', 'K8S_ENABLED: must be one of auto, true, false, got "sometimes"'],
  POOL_LABELS: [' , ', 'POOL_LABELS: must name at least one value'],
  EMBED_ALLOWED_ORIGINS: [
    'https://wiki.example.com/page',
    `EMBED_ALLOWED_ORIGINS: "https://wiki.example.com/page" is not an origin (https://host[:port]), 'self' or 'none'`,
  ],
  EMBED_TOKEN_SECRET: ['short', 'EMBED_TOKEN_SECRET: must be at least 16 characters'],
  PUBLIC_URL: [
    'hapscope.example.com',
    'PUBLIC_URL: must be an http(s) URL such as https://hapscope.example.com, got "hapscope.example.com"',
  ],
  RETENTION_RAW_HOURS: ['0', 'RETENTION_RAW_HOURS: must be at least 1, got 0'],
  RETENTION_MINUTE_DAYS: ['30d', 'RETENTION_MINUTE_DAYS: must be a whole number, got "30d"'],
  RETENTION_HOUR_DAYS: ['4000', 'RETENTION_HOUR_DAYS: must be at most 3650, got 4000'],
  FLAP_HIGH_PCT: ['101', 'FLAP_HIGH_PCT: must be at most 100, got 101'],
  FLAP_LOW_PCT: ['30', 'FLAP_LOW_PCT: must be below FLAP_HIGH_PCT (20), got 30'],
  ALERT_DOWN_GRACE_MS: ['soon', 'ALERT_DOWN_GRACE_MS: must be a whole number, got "soon"'],
  ALERT_LATENCY_P95_MS: ['0', 'ALERT_LATENCY_P95_MS: must be at least 1, got 0'],
  ALERT_POOL_UNSTABLE_SERVERS: ['0', 'ALERT_POOL_UNSTABLE_SERVERS: must be at least 1, got 0'],
  ALERT_HTTP_5XX_PCT: ['101', 'ALERT_HTTP_5XX_PCT: must be at most 100, got 101'],
  ALERT_HTTP_5XX_MIN_RATE: ['1/s', 'ALERT_HTTP_5XX_MIN_RATE: must be a decimal number, got "1/s"'],
  ALERT_RESPONSE_TIME_MS: ['1s', 'ALERT_RESPONSE_TIME_MS: must be a whole number, got "1s"'],
  ALERT_LB_DISAGREE_GRACE_MS: ['30s', 'ALERT_LB_DISAGREE_GRACE_MS: must be a whole number, got "30s"'],
  SERVER_OVERRIDES: ['agent1', 'SERVER_OVERRIDES: entries must look like "selector=value", got "agent1"'],
  STATIC_POOLS: [
    'a/b/c/d=pool-a',
    'STATIC_POOLS: "a/b/c/d" must be server, backend/server or instance/backend/server',
  ],
  BACKEND_HOSTS: ['=code.example.com', 'BACKEND_HOSTS: entries must look like "selector=value"'],
  AUTH_MODE: ['ldap', 'AUTH_MODE: must be one of local, oidc, proxy, none, got "ldap"'],
  HAPSCOPE_ADMIN_PASSWORD: ['hunter2', 'HAPSCOPE_ADMIN_PASSWORD: must be at least 12 characters'],
  AUTH_PROXY_USER_HEADER: [
    'Remote User',
    'AUTH_PROXY_USER_HEADER: must be an HTTP header name, got "Remote User"',
  ],
  AUTH_PROXY_GROUPS_HEADER: [
    'groups:',
    'AUTH_PROXY_GROUPS_HEADER: must be an HTTP header name, got "groups:"',
  ],
  AUTH_PROXY_TRUSTED: [
    '10.0.0.0/33',
    'AUTH_PROXY_TRUSTED: "10.0.0.0/33" is not a CIDR such as 10.0.0.0/8 or ::1/128',
  ],
  OIDC_ISSUER: ['idp.example.com', 'OIDC_ISSUER: must be an http(s) URL, got "idp.example.com"'],
  OIDC_CLIENT_ID: ['hapscope', 'OIDC_CLIENT_ID: is set but OIDC_ISSUER is not'],
  OIDC_CLIENT_SECRET: ['s3cret', 'OIDC_CLIENT_SECRET: is set but OIDC_ISSUER is not'],
  OIDC_GROUPS_CLAIM: ['roles', 'OIDC_GROUPS_CLAIM: is set but OIDC_ISSUER is not'],
  AUTH_ROLE_GROUPS: [
    'superuser=ops',
    'AUTH_ROLE_GROUPS: entries must look like "role=group|group" with a role of viewer, operator, admin, got "superuser=ops"',
  ],
  SESSION_IDLE_HOURS: ['0', 'SESSION_IDLE_HOURS: must be at least 1, got 0'],
  SESSION_MAX_DAYS: ['1w', 'SESSION_MAX_DAYS: must be a whole number, got "1w"'],
  PUBLIC_EMBEDS: ['yes', 'PUBLIC_EMBEDS: must be one of true, false, got "yes"'],
  METRICS_PUBLIC: ['1', 'METRICS_PUBLIC: must be one of true, false, got "1"'],
  SSE_MAX_STREAMS_PER_CLIENT: ['0', 'SSE_MAX_STREAMS_PER_CLIENT: must be at least 1, got 0'],
};

test('every configuration key has a start-up validation case', () => {
  expect(Object.keys(BAD).sort()).toEqual([...CONFIG_KEYS].sort());
});

test.each(Object.entries(BAD))(
  '%s=%j stops start-up naming the key; nothing connects',
  (key, [value, message]) => {
    const env = { KUBECONFIG: fake.kubeconfigPath, K8S_ENABLED: 'true', DATA_DIR: dir, [key]: value };
    expect(() => createRuntime({ env, cwd: dir, clock: new FakeClock() })).toThrow(message);
    expect(clusterRequests()).toBe(0);
  },
);

test('a config file naming a key hapscope does not read is refused', () => {
  const fileDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-runtime-file-'));
  writeFileSync(path.join(fileDir, 'hapscope.config.yaml'), 'POLL_INTERVALL_MS: 1000\n');
  expect(() => createRuntime({ env: { K8S_ENABLED: 'false' }, cwd: fileDir })).toThrow(
    'POLL_INTERVALL_MS: in',
  );
});

test('a good configuration builds every part once; polling waits for start()', async () => {
  const env = {
    HAPROXY_STATS_URL: 'main=http://127.0.0.1:9/stats',
    KUBECONFIG: fake.kubeconfigPath,
    K8S_ENABLED: 'true',
    DATA_DIR: path.join(dir, 'data'),
    STATIC_POOLS: 'agent1=pool-a',
  };
  const clock = new FakeClock();
  const runtime = createRuntime({ env, cwd: dir, clock });
  try {
    expect(runtime.config.topology.staticPools).toEqual([
      { instance: null, backend: null, server: 'agent1', value: 'pool-a' },
    ]);
    expect(runtime.collector.states.map((s) => [s.source.name, s.lastPollAt])).toEqual([['main', null]]);
    expect(runtime.alerts).not.toBeNull();
    const deadline = Date.now() + 3000;
    while (fake.requestCount('list nodes') === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fake.requestCount('list nodes')).toBe(1);
  } finally {
    runtime.stop();
  }
});

test('pool health is computed once per poll and shared until the next one', () => {
  const runtime = createRuntime({
    env: {
      HAPROXY_STATS_URL: 'main=http://127.0.0.1:9/stats',
      K8S_ENABLED: 'false',
      DATA_DIR: path.join(dir, 'memo'),
    },
    cwd: dir,
    clock: new FakeClock(),
  });
  try {
    const first = runtime.poolsView(1_000);
    expect(runtime.poolsView(1_500)).toBe(first);
    expect(runtime.poolsView(1_000 + runtime.config.pollIntervalMs)).not.toBe(first);
    const again = runtime.poolsView(5_000);
    runtime.collector.generation++;
    expect(runtime.poolsView(5_001)).not.toBe(again);
  } finally {
    runtime.stop();
  }
});
