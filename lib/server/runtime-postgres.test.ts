// DATABASE_URL through the composition root, on a real PostgreSQL 15: it selects the PostgreSQL store, and its
// password appears in no log line, error message, health answer or /metrics — while it works, while the server is
// down, and when it refuses the database.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi, type MockInstance } from 'vitest';
import { getHealth } from '@/lib/problems/server/health-service';
import { metricsText } from '@/lib/metrics/server/metrics-service';
import { POSTGRES, startPostgres, type PostgresServer } from '@/lib/store/postgres-fixture';
import { FakeClock } from '@/lib/testing/fake-clock';
import { createRuntime, type Runtime } from './runtime';

const SECRET = 'n0t-in-any-l0g';

let server: PostgresServer;
let dir: string;
let runtime: Runtime | null = null;
const spies: MockInstance[] = [];
beforeAll(async () => {
  if (POSTGRES.available || process.env.CI) server = await startPostgres();
  dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-runtime-pg-'));
}, 30_000);
afterAll(async () => {
  await server?.remove();
});
afterEach(() => {
  runtime?.stop();
  runtime = null;
  spies.splice(0).forEach((spy) => spy.mockRestore());
});

/** The URL of `database` with a password (trust authentication takes any). */
const urlOf = (database: string) => `postgres://hapscope:${SECRET}@127.0.0.1:${server.port}/${database}`;

function start(databaseUrl: string): Runtime {
  for (const method of ['error', 'warn', 'log', 'info'] as const)
    spies.push(vi.spyOn(console, method).mockImplementation(() => {}));
  runtime = createRuntime({
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(dir, 'unused'),
      HAPROXY_STATS_URL: 'http://127.0.0.1:9/stats',
      K8S_ENABLED: 'false',
    },
    cwd: dir,
    clock: new FakeClock(),
  });
  return runtime;
}

/** Everything an operator or a scraper could read: the error, health, /metrics, every log line. */
function everythingSaid(rt: Runtime, error: unknown): string {
  return [
    String(error instanceof Error ? error.message : error),
    JSON.stringify(getHealth(rt)),
    metricsText(rt, Date.now()),
    ...spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))),
  ].join('\n');
}

describe.skipIf(!POSTGRES.available && !process.env.CI)(
  POSTGRES.available ? 'PostgreSQL 15' : POSTGRES.reason,
  () => {
    test('DATABASE_URL selects PostgreSQL; a server that goes down is named without its password', async () => {
      const database = new URL(await server.createDatabase()).pathname.slice(1);
      const rt = start(urlOf(database));
      expect(rt.store.file).toBe(`postgres://hapscope:***@127.0.0.1:${server.port}/${database}`);
      await rt.store.meta.writeMeta('k', 'v');
      expect(await rt.store.meta.readMeta('k')).toBe('v');

      await server.stop();
      try {
        const error: unknown = await rt.store.history.uptime({ from: 0, to: 1 }).catch((e: unknown) => e);
        const said = everythingSaid(rt, error);
        expect(said).toContain(`History store ${rt.store.file}: PostgreSQL cannot be reached`);
        expect(getHealth(rt).ok).toBe(false);
        expect(metricsText(rt, Date.now())).toMatch(/hapscope_store_healthy 0/);
        expect(said).not.toContain(SECRET);
      } finally {
        await server.start();
      }
    });

    test('a database the server refuses: the reason, without the password', async () => {
      const rt = start(urlOf('no_such_database'));
      const error: unknown = await rt.store.access.countUsers().catch((e: unknown) => e);
      const said = everythingSaid(rt, error);
      expect(said).toContain(
        'PostgreSQL refused hapscope (database "no_such_database" does not exist) (3D000)',
      );
      expect(said).not.toContain(SECRET);
    });
  },
);
