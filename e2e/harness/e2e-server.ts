// Playwright's webServer: real HAProxy + agents on fixed ports (e2e-topology.ts), then `next start` on them.
// Run after `next build`. Playwright stops it with SIGTERM (gracefulShutdown in playwright.config.ts).
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { E2E, E2E_EMBED_ORIGINS, E2E_TOPOLOGY } from './e2e-topology';
import { defaultFakeTopology, startFakeK8s, type FakeK8s } from './fake-k8s';
import { backendHostsSetting } from './haproxy';
import { startK8sControl } from './k8s-control';
import { onShutdown, repoPath, runNext, startStack, type ChildHandle, type Stack } from './stack';

const HARNESS_JSON = repoPath('e2e/.harness.json');

async function main() {
  const running: {
    stack?: Stack;
    next?: ChildHandle;
    k8s?: FakeK8s;
    k8sControl?: { close(): Promise<void> };
  } = {};
  const shutdown = onShutdown(
    async () => {
      await running.next?.stop();
      await running.k8sControl?.close();
      await running.k8s?.close();
      await running.stack?.stop();
      await rm(HARNESS_JSON, { force: true });
    },
    () => [running.next?.pid, running.stack?.haproxy.pid].filter((pid): pid is number => pid !== undefined),
  );

  if (!existsSync(repoPath('.next/BUILD_ID'))) {
    console.error(
      '[harness] no production build (.next/BUILD_ID): run `next build` first (npm run test:e2e does).',
    );
    return shutdown(1);
  }
  await rm(E2E.dataDir, { recursive: true, force: true });
  await mkdir(E2E.dataDir, { recursive: true });
  running.stack = await startStack({
    topology: E2E_TOPOLOGY,
    dir: E2E.stateDir,
    hubPort: E2E.hubPort,
    log: (line) => console.log(line),
  });
  running.k8s = await startFakeK8s({
    port: E2E.k8s.port,
    host: E2E.host,
    topology: defaultFakeTopology(E2E.k8s.nodeIps),
    dir: path.dirname(E2E.k8s.kubeconfigPath),
  });
  running.k8sControl = await startK8sControl({
    port: E2E.k8s.controlPort,
    host: E2E.host,
    k8s: running.k8s,
  });
  await writeFile(HARNESS_JSON, `${JSON.stringify(E2E, null, 2)}\n`);
  console.log(`[harness] HAProxy ${E2E.statsUrl} (auth ${E2E.authStatsUrl}), socket ${E2E.socketPath}`);
  console.log(`[harness] fake Kubernetes API ${E2E.k8s.url} (stop/resume: ${E2E.k8s.controlUrl})`);
  console.log(`[harness] agents control hub ${E2E.agentHubUrl}; starting next on ${E2E.appUrl}`);

  const next = runNext(['start', '-p', String(E2E.appPort), '-H', E2E.host], {
    HAPROXY_STATS_URL: E2E.haproxyStatsUrlEnv,
    POLL_INTERVAL_MS: String(E2E.pollIntervalMs),
    DATA_DIR: E2E.dataDir,
    PORT: String(E2E.appPort),
    KUBECONFIG: E2E.k8s.kubeconfigPath,
    K8S_ENABLED: 'true',
    // code/grafana/api match the fake cluster's IngressRoutes, static matches none; flappy_backend is left out,
    // so its page shows how to configure BACKEND_HOSTS (routes.spec.ts).
    BACKEND_HOSTS: backendHostsSetting(E2E_TOPOLOGY, ['flappy_backend']),
    EMBED_ALLOWED_ORIGINS: `'self' ${E2E_EMBED_ORIGINS.allowed}`,
  });
  running.next = next;
  const code = await next.exited;
  console.error(`[harness] next exited (${code})`);
  await shutdown(code === 0 ? 0 : 1);
}

void main();
