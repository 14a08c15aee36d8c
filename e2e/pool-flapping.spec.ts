// Pool flapping on a real flapping HAProxy server: flappy1 (checks every 250 ms) is driven through its agent and
// placed in a pool by STATIC_POOLS. That needs an app of its own: the shared harness app keeps flappy1 in no pool
// (alerts.spec.ts relies on it). /api/v1/pools and /metrics say the pool flaps, then stop after the hysteresis.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const FLAPPY = E2E.agents.flappy1!;
const POOL = 'pool-flap';

interface PoolFlap {
  flapping: boolean;
  flappingServers: number;
  servers: string[];
}

async function poolFlap(appUrl: string): Promise<PoolFlap | null> {
  const body = (await fetch(`${appUrl}/api/v1/pools`, { cache: 'no-store' }).then((r) => r.json())) as {
    pools: { name: string; flapping: boolean; flappingServers: number; servers: { server: string }[] }[];
  };
  const pool = body.pools.find((p) => p.name === POOL);
  if (!pool) return null;
  return {
    flapping: pool.flapping,
    flappingServers: pool.flappingServers,
    servers: pool.servers.map((s) => s.server),
  };
}

/** `hapscope_pool_flapping{pool="pool-flap"}` and `…_flapping_servers`, as numbers (null when absent). */
async function poolMetrics(appUrl: string): Promise<{ flapping: number | null; servers: number | null }> {
  const text = await fetch(`${appUrl}/metrics`, { cache: 'no-store' }).then((r) => r.text());
  const value = (name: string) => {
    const match = new RegExp(`^${name}\\{pool="${POOL}"\\} (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  return { flapping: value('hapscope_pool_flapping'), servers: value('hapscope_pool_flapping_servers') };
}

test.describe('pool flapping', () => {
  let app: SpecApp | null = null;
  let dataDir = '';

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-pool-flap-'));
    app = await startSpecApp({
      host: E2E.host,
      port: E2E_SPEC_PORTS.poolFlappingApp,
      env: {
        HAPROXY_STATS_URL: `main=${E2E.statsUrl}`,
        POLL_INTERVAL_MS: String(E2E.pollIntervalMs),
        DATA_DIR: dataDir,
        K8S_ENABLED: 'false',
        STATIC_POOLS: `flappy_backend/flappy1=${POOL}`,
      },
    });
  });
  test.afterAll(async () => {
    await setAgentMode(FLAPPY.controlUrl, 'ok');
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a flapping server makes its pool flap in /api/v1/pools and /metrics, and both clear after the hysteresis', async () => {
    test.setTimeout(150_000);
    const url = app!.url;
    await expect
      .poll(() => poolFlap(url), { timeout: 15_000 })
      .toEqual({
        flapping: false,
        flappingServers: 0,
        servers: ['flappy1'],
      });
    expect(await poolMetrics(url)).toEqual({ flapping: 0, servers: 0 });

    await setAgentMode(FLAPPY.controlUrl, 'flap:2000:2000');
    const started = Date.now();
    await expect
      .poll(() => poolFlap(url), { timeout: 40_000, intervals: [500] })
      .toEqual({ flapping: true, flappingServers: 1, servers: ['flappy1'] });
    await expect.poll(() => poolMetrics(url), { timeout: 5_000 }).toEqual({ flapping: 1, servers: 1 });
    test
      .info()
      .annotations.push({ type: 'flap started → pool flapping', description: `${Date.now() - started} ms` });

    await setAgentMode(FLAPPY.controlUrl, 'ok');
    const calmed = Date.now();
    await expect
      .poll(() => poolFlap(url), { timeout: 60_000, intervals: [500] })
      .toEqual({ flapping: false, flappingServers: 0, servers: ['flappy1'] });
    await expect.poll(() => poolMetrics(url), { timeout: 5_000 }).toEqual({ flapping: 0, servers: 0 });
    test.info().annotations.push({ type: 'agent ok → pool calm', description: `${Date.now() - calmed} ms` });
  });
});
