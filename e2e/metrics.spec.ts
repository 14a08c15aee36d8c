// /metrics checked by Prometheus's own tools: promtool lints the scraped text, and a real Prometheus scraping the
// harness app every second stores hapscope_server_up with our labels (source, proxy, server) and its own
// `instance`, so nothing of ours is renamed `exported_instance`.
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { PROMTOOL_BIN, startPrometheus, type PrometheusHandle } from './harness/prometheus';

interface Series {
  [label: string]: string;
}

/** agent1 as placed once Kubernetes has synced (a poll before that has no pool yet). */
const AGENT1_UP =
  /^hapscope_server_up\{source="main",proxy="codeserver_backend",server="agent1",pool="pool-a"\} 1$/m;

async function scrape(): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        text = await fetch(`${E2E.appUrl}/metrics`).then((r) => r.text());
        return AGENT1_UP.test(text);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return text;
}

test('promtool check metrics accepts the exposition', async () => {
  const res = await fetch(`${E2E.appUrl}/metrics`);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await scrape();
  const lint = spawnSync(PROMTOOL_BIN, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  expect(`${lint.stdout}${lint.stderr}`).toBe('');
  expect(lint.status).toBe(0);
  // Our labels, and none Prometheus reserves for the scrape target.
  expect(text).toMatch(/^hapscope_pool_flapping\{pool="pool-c"\} [01]$/m);
  expect(text).not.toMatch(/[{,](instance|job)="/);
});

let prometheus: PrometheusHandle | null = null;
// Also after a timeout, when the test body is abandoned mid-await (stop() is idempotent).
test.afterEach(async () => {
  await prometheus?.stop();
  prometheus = null;
});

test('a real Prometheus scraping every second stores source/proxy/server labels, no exported_instance', async () => {
  test.setTimeout(90_000);
  try {
    prometheus = await startPrometheus({
      host: E2E.host,
      port: E2E_SPEC_PORTS.prometheus,
      target: `${E2E.host}:${E2E.appPort}`,
      intervalSec: 1,
    });
    const url = `${prometheus.url}/api/v1/series?match[]=hapscope_server_up`;
    const target = `${E2E.host}:${E2E.appPort}`;
    const agent1 = {
      __name__: 'hapscope_server_up',
      instance: target,
      job: 'hapscope',
      source: 'main',
      proxy: 'codeserver_backend',
      server: 'agent1',
      pool: 'pool-a',
    };
    let series: Series[] = [];
    await expect
      .poll(
        async () => {
          const body = (await fetch(url).then((r) => r.json())) as { status: string; data: Series[] };
          series = body.data;
          return series;
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toContainEqual(agent1);
    for (const s of series) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['source', 'proxy', 'server']));
      expect(s).not.toHaveProperty('exported_instance');
      expect(s).toMatchObject({ __name__: 'hapscope_server_up', job: 'hapscope', instance: target });
    }
    expect(series.length).toBeGreaterThan(20); // every server of both sources that answer
    // The whole scrape parsed: Prometheus reports the target up with no error.
    const targets = (await fetch(`${prometheus.url}/api/v1/targets`).then((r) => r.json())) as {
      data: { activeTargets: { health: string; lastError: string }[] };
    };
    expect(targets.data.activeTargets).toMatchObject([{ health: 'up', lastError: '' }]);
  } finally {
    await prometheus?.stop();
  }
});
