import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from './index';
import { parseConfig } from './parse-config';

describe('parseConfig', () => {
  test('defaults need no settings at all', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      pollIntervalMs: 2000,
      pollTimeoutMs: 2000,
      dataDir: './data',
      port: 3000,
      k8sEnabled: 'auto',
      poolLabels: ['svccontroller.k3s.cattle.io/lbpool', 'topology.kubernetes.io/zone'],
      embedAllowedOrigins: ["'self'"],
      retention: { rawHours: 48, minuteDays: 30, hourDays: 365 },
    });
    expect(config.sources.map((s) => s.name)).toEqual(['127.0.0.1:8404']);
  });

  test.each([
    [{ POLL_INTERVAL_MS: '10000' }, 5000],
    [{ POLL_INTERVAL_MS: '1000' }, 1000],
    [{ POLL_INTERVAL_MS: '1000', POLL_TIMEOUT_MS: '3000' }, 3000],
  ])('the timeout defaults to min(5000, interval): %j → %i', (settings, timeout) => {
    expect(parseConfig(settings).pollTimeoutMs).toBe(timeout);
  });

  test.each([
    [{ POLL_INTERVAL_MS: '100' }, 'POLL_INTERVAL_MS: must be at least 250, got 100'],
    [{ POLL_INTERVAL_MS: '2s' }, 'POLL_INTERVAL_MS: must be a whole number, got "2s"'],
    [{ POLL_TIMEOUT_MS: '-1' }, 'POLL_TIMEOUT_MS: must be a whole number'],
    [{ PORT: '70000' }, 'PORT: must be at most 65535, got 70000'],
    [{ K8S_ENABLED: 'maybe' }, 'K8S_ENABLED: must be one of auto, true, false, got "maybe"'],
    [{ HAPROXY_STATS_URL: 'gopher://x' }, 'HAPROXY_STATS_URL:'],
    [{ POOL_LABELS: ' , ' }, 'POOL_LABELS: must name at least one value'],
    [{ FLAP_HIGH_PCT: '10', FLAP_LOW_PCT: '10' }, 'FLAP_LOW_PCT: must be below FLAP_HIGH_PCT (10), got 10'],
    [{ FLAP_HIGH_PCT: '101' }, 'FLAP_HIGH_PCT: must be at most 100, got 101'],
    [{ ALERT_DOWN_GRACE_MS: 'soon' }, 'ALERT_DOWN_GRACE_MS: must be a whole number'],
    [{ ALERT_HTTP_5XX_PCT: '0' }, 'ALERT_HTTP_5XX_PCT: must be at least 1, got 0'],
    [{ ALERT_HTTP_5XX_PCT: '101' }, 'ALERT_HTTP_5XX_PCT: must be at most 100, got 101'],
    [{ ALERT_HTTP_5XX_PCT: '5%' }, 'ALERT_HTTP_5XX_PCT: must be a whole number, got "5%"'],
    [{ ALERT_HTTP_5XX_MIN_RATE: '0' }, 'ALERT_HTTP_5XX_MIN_RATE: must be above 0, got 0'],
    [{ ALERT_HTTP_5XX_MIN_RATE: '0.00' }, 'ALERT_HTTP_5XX_MIN_RATE: must be above 0, got 0.00'],
    [{ ALERT_HTTP_5XX_MIN_RATE: '-1' }, 'ALERT_HTTP_5XX_MIN_RATE: must be a decimal number, got "-1"'],
    [{ ALERT_HTTP_5XX_MIN_RATE: '1e3' }, 'ALERT_HTTP_5XX_MIN_RATE: must be a decimal number, got "1e3"'],
    [{ ALERT_HTTP_5XX_MIN_RATE: '0,5' }, 'ALERT_HTTP_5XX_MIN_RATE: must be a decimal number, got "0,5"'],
    [{ ALERT_RESPONSE_TIME_MS: '0' }, 'ALERT_RESPONSE_TIME_MS: must be at least 1, got 0'],
    [{ ALERT_RESPONSE_TIME_MS: '1.5' }, 'ALERT_RESPONSE_TIME_MS: must be a whole number, got "1.5"'],
    [{ RETENTION_RAW_HOURS: '0' }, 'RETENTION_RAW_HOURS: must be at least 1, got 0'],
    [{ RETENTION_MINUTE_DAYS: '30d' }, 'RETENTION_MINUTE_DAYS: must be a whole number, got "30d"'],
    [{ RETENTION_HOUR_DAYS: '4000' }, 'RETENTION_HOUR_DAYS: must be at most 3650, got 4000'],
  ])('%j → %s', (settings, message) => {
    expect(() => parseConfig(settings)).toThrow(message);
  });
});

test('the 5xx and response-time thresholds default to 5 %, 0.1/s and 1000 ms', () => {
  expect(parseConfig({}).alerts).toMatchObject({ http5xxPct: 5, http5xxMinRate: 0.1, responseTimeMs: 1000 });
});

test.each([
  [{ ALERT_HTTP_5XX_PCT: '25' }, { http5xxPct: 25 }],
  [{ ALERT_HTTP_5XX_PCT: '100' }, { http5xxPct: 100 }],
  [{ ALERT_HTTP_5XX_MIN_RATE: '2' }, { http5xxMinRate: 2 }],
  [{ ALERT_HTTP_5XX_MIN_RATE: '0.05' }, { http5xxMinRate: 0.05 }],
  [{ ALERT_HTTP_5XX_MIN_RATE: '.5' }, { http5xxMinRate: 0.5 }],
  [{ ALERT_RESPONSE_TIME_MS: '250' }, { responseTimeMs: 250 }],
])('%j → alerts %j', (settings, expected) => {
  expect(parseConfig(settings).alerts).toMatchObject(expected);
});

test('retention keys set how long history is kept', () => {
  const config = parseConfig({
    RETENTION_RAW_HOURS: '6',
    RETENTION_MINUTE_DAYS: '7',
    RETENTION_HOUR_DAYS: '90',
  });
  expect(config.retention).toEqual({ rawHours: 6, minuteDays: 7, hourDays: 90 });
});

describe('config file', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'hapscope-config-'));

  test('YAML file values apply, and the environment wins over them', () => {
    const cwd = dir();
    writeFileSync(
      path.join(cwd, 'hapscope.config.yaml'),
      'HAPROXY_STATS_URL:\n  - eu=http://eu:8404/stats\n  - us=unix:/run/us.sock\nPOLL_INTERVAL_MS: 1000\nEMBED_ALLOWED_ORIGINS: [https://wiki.example.com, https://b.example.com]\n',
    );
    const config = loadConfig({ POLL_INTERVAL_MS: '3000' }, cwd);
    expect(config.sources.map((s) => s.name)).toEqual(['eu', 'us']);
    expect(config.pollIntervalMs).toBe(3000);
    expect(config.embedAllowedOrigins).toEqual(['https://wiki.example.com', 'https://b.example.com']);
    expect(config.configFile).toBe(path.join(cwd, 'hapscope.config.yaml'));
  });

  test('HAPSCOPE_CONFIG names a JSON file', () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, 'my.json'), JSON.stringify({ DATA_DIR: '/var/lib/hapscope', PORT: 4000 }));
    expect(loadConfig({ HAPSCOPE_CONFIG: 'my.json' }, cwd)).toMatchObject({
      dataDir: '/var/lib/hapscope',
      port: 4000,
    });
  });

  test.each([
    ['missing.yaml', null, 'HAPSCOPE_CONFIG: file'],
    ['bad.json', '{ nope', 'HAPSCOPE_CONFIG: cannot read'],
    ['list.yaml', '- a\n- b\n', 'must hold a mapping'],
    ['nested.yaml', 'PORT: { a: 1 }\n', 'PORT: in the config file must be'],
    ['range.yaml', 'POLL_INTERVAL_MS: 5\n', 'POLL_INTERVAL_MS: must be at least 250'],
  ])('%s → %s', (name, content, message) => {
    const cwd = dir();
    if (content !== null) writeFileSync(path.join(cwd, name), content);
    expect(() => loadConfig({ HAPSCOPE_CONFIG: name }, cwd)).toThrow(message);
  });
});

describe('PUBLIC_URL', () => {
  test.each([
    [undefined, null],
    ['https://hapscope.example.com', 'https://hapscope.example.com'],
    ['https://hapscope.example.com/', 'https://hapscope.example.com'],
    ['http://10.0.0.5:8080/hapscope', 'http://10.0.0.5:8080'],
  ])('%s → origin %s', (value, origin) => {
    expect(parseConfig(value === undefined ? {} : { PUBLIC_URL: value }).publicOrigin).toBe(origin);
  });

  test.each(['hapscope.example.com', 'ftp://hapscope.example.com'])('%s is refused', (value) => {
    expect(() => parseConfig({ PUBLIC_URL: value })).toThrow(/^PUBLIC_URL: must be an http\(s\) URL/);
  });
});
