// A full history disk, for real: an app of its own polls the harness HAProxy every 500 ms with DATA_DIR on a tmpfs
// this spec mounts (root only) and fills up. The fault is in /api/v1/health within two polls, on the overview's
// banner and in /metrics; the live view goes on (agent1 is seen going DOWN meanwhile); once space returns, all of it
// clears without a restart and the history has the polls kept in memory: agent1's outage, and no "no data" gap.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { EventsDto, HistoryDto } from '../lib/api/history-dto';
import type { HealthDto } from '../lib/api/schemas/health';
import type { SnapshotDto } from '../lib/api/snapshot-dto';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_SPEC_PORTS, E2E_TOPOLOGY } from './harness/e2e-topology';
import { PROMTOOL_BIN } from './harness/prometheus';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const POLL_MS = 500;
const AGENT1 = E2E.agents.agent1!;
const CODESERVER = E2E_TOPOLOGY.backends.find((b) => b.name === 'codeserver_backend')!.check!;
/**
 * Not 512k: a fresh database's write-ahead log starts near 210 KB and grows by every poll until its first
 * checkpoint at 4 MB, so a tiny disk would fill up by itself before the spec fills it.
 */
const TMPFS_SIZE = '16m';
const isRoot = process.getuid?.() === 0;

test.describe('history store faults', () => {
  test.skip(!isRoot, 'mounts a tmpfs for DATA_DIR: needs root (CI runs the e2e suite as root)');

  let app: SpecApp | null = null;
  let dataDir = '';
  let mounted = false;
  const filler = () => path.join(dataDir, 'filler');

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-store-faults-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dataDir]);
    mounted = true;
    app = await startSpecApp({
      host: E2E.host,
      port: E2E_SPEC_PORTS.storeFaultsApp,
      env: {
        HAPROXY_STATS_URL: `main=${E2E.statsUrl}`,
        POLL_INTERVAL_MS: String(POLL_MS),
        DATA_DIR: dataDir,
        K8S_ENABLED: 'false',
      },
    });
  });

  test.afterAll(async () => {
    await setAgentMode(AGENT1.controlUrl, 'ok');
    await app?.stop();
    if (mounted) {
      try {
        execFileSync('umount', [dataDir]);
      } catch {
        execFileSync('umount', ['-l', dataDir]); // something still held a file: detach it, freed once closed
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a full disk: in health within two polls, on the banner and in /metrics; gone once space returns, with no gap', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const url = app!.url;
    const file = path.join(dataDir, 'hapscope.db');
    const health = async () =>
      (await fetch(`${url}/api/v1/health`, { cache: 'no-store' }).then((r) => r.json())) as HealthDto;
    const storeProblems = async () => (await health()).problems.filter((p) => p.startsWith('History store '));
    const metric = async (name: string) => {
      const text = await fetch(`${url}/metrics`, { cache: 'no-store' }).then((r) => r.text());
      const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
      return match ? Number(match[1]) : null;
    };
    const agent1 = async () => {
      const snapshot = (await fetch(`${url}/api/v1/snapshot`, { cache: 'no-store' }).then((r) =>
        r.json(),
      )) as SnapshotDto;
      const backend = snapshot.backends.find((b) => b.instance === 'main' && b.name === 'codeserver_backend');
      return backend?.servers.find((s) => s.name === 'agent1')?.status ?? null;
    };

    // Recording works: agent1 has a history, health is clear.
    await expect
      .poll(
        () =>
          fetch(`${url}/api/v1/servers/main/codeserver_backend/agent1/history?range=1h`).then(
            (r) => r.status,
          ),
        {
          timeout: 15_000,
        },
      )
      .toBe(200);
    await expect.poll(agent1, { timeout: 15_000 }).toBe('UP');
    expect(await health()).toMatchObject({ ok: true, problems: [] });
    expect(await metric('hapscope_store_healthy')).toBe(1);

    // Fill the disk.
    const fillAt = Date.now();
    try {
      for (;;) appendFileSync(filler(), Buffer.alloc(256 * 1024, 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
    try {
      for (;;) appendFileSync(filler(), Buffer.alloc(512, 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }

    // Health names the file and the fix within two polls (plus the time to ask).
    await expect.poll(storeProblems, { timeout: 2 * POLL_MS + 1000, intervals: [100] }).toHaveLength(1);
    const [problem] = await storeProblems();
    expect(problem).toContain(`History store ${file}: the disk is full (SQLITE_FULL) since `);
    expect(problem).toContain('history is not recorded: ');
    expect(problem).toContain(`free space on the disk that holds ${dataDir}`);
    expect((await health()).ok).toBe(false);

    // The banner, on the overview.
    await page.goto(`${url}/`);
    const banner = page.getByTestId('store-banner');
    await expect(banner).toBeVisible({ timeout: 10_000 });
    await expect(banner).toContainText(`History store ${file}: the disk is full (SQLITE_FULL)`);
    await expect(banner).toContainText('free space on the disk that holds');

    // /metrics: unhealthy, errors counted, and still an exposition promtool accepts.
    expect(await metric('hapscope_store_healthy')).toBe(0);
    expect(await metric('hapscope_store_errors_total')).toBeGreaterThanOrEqual(1);
    const text = await fetch(`${url}/metrics`).then((r) => r.text());
    const lint = spawnSync(PROMTOOL_BIN, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${lint.stdout}${lint.stderr}`).toBe('');

    // The live view goes on: agent1 fails, and the app sees it DOWN while nothing can be written.
    await setAgentMode(AGENT1.controlUrl, 'fail');
    await expect
      .poll(agent1, { timeout: CODESERVER.fall * CODESERVER.inter + 4 * POLL_MS + 2000, intervals: [250] })
      .toBe('DOWN');
    expect(await storeProblems()).toHaveLength(1);

    // Space returns: everything clears by itself.
    unlinkSync(filler());
    const freeAt = Date.now();
    await expect.poll(storeProblems, { timeout: 4 * POLL_MS + 2000, intervals: [100] }).toEqual([]);
    expect(await health()).toMatchObject({ ok: true, problems: [] });
    await expect(banner).toBeHidden({ timeout: 10_000 });
    expect(await metric('hapscope_store_healthy')).toBe(1);
    await setAgentMode(AGENT1.controlUrl, 'ok');

    // History has the polls kept in memory: no "no data" while the disk was full (recording had begun before it
    // filled up), and agent1's outage in it.
    const history = (await fetch(
      `${url}/api/v1/servers/main/codeserver_backend/agent1/history?from=${fillAt}&to=${freeAt}`,
    ).then((r) => r.json())) as HistoryDto;
    expect(history.noData).toEqual([]);
    const down = history.transitions.find((t) => t.from === 'UP' && t.to === 'DOWN');
    expect(down, 'agent1 went DOWN while the disk was full').toBeDefined();
    expect(Date.parse(down!.at)).toBeGreaterThanOrEqual(fillAt - 1000);
    expect(Date.parse(down!.at)).toBeLessThanOrEqual(freeAt);
    const events = (await fetch(`${url}/api/v1/events?from=${fillAt - 2000}&to=${Date.now()}&limit=100`).then(
      (r) => r.json(),
    )) as EventsDto;
    expect(events.events.some((e) => e.server === 'agent1' && e.from === 'UP' && e.to === 'DOWN')).toBe(true);
    expect(history.uptime.noDataSec).toBe(0);
    await expect.poll(agent1, { timeout: 15_000 }).toBe('UP');
  });
});
