// `npm run demo [-- --dev | --stack-only]`: an active/standby pair of real HAProxy processes in front of agents
// whose health changes on a schedule, traffic through them, and hapscope watching one over HTTP and the other over
// its runtime socket. State lives in ./.demo/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_RETENTION, openStore } from '@/lib/store';
import { seedGeneratedHistory } from '@/lib/history/server/seed-history';
import { setAgentMode } from './agents';
import { defaultFakeTopology, startFakeK8s, type FakeK8s } from './fake-k8s';
import {
  backendHostsSetting,
  HAPROXY_BIN,
  HAPROXY_INSTALL_COMMAND,
  requestThroughFrontend,
  runtimeAdmin,
  startHaproxy,
  writeHaproxyConfig,
  type HaproxyHandle,
  type Topology,
} from './haproxy';
import { onShutdown, repoPath, runNext, startStack, type ChildHandle, type Stack } from './stack';
import { startTcpRelay, type TcpRelay } from './tcp-relay';

const CHECK = { inter: 2000, fall: 3, rise: 2 };
// api4 flaps 5 s up / 5 s down; checked every 1 s (fall 2, rise 2) HAProxy flips about every 5 s, so within the
// 21-poll window (42 s at 2 s) it changes ~8 times (~40 % weighted, threshold 20 %): a flap alert in ~30 s.
const FLAP_CHECK = { inter: 1000, fall: 2, rise: 2 };
const HUB_PORT = 9000;
const K8S_PORT = 9100;
const K8S_DIR = repoPath('.demo/k8s');
/**
 * A fake k3s API with three locations whose node InternalIPs are the agents' addresses: pool-a (.11, .12 cordoned),
 * pool-b (.13, .14 NotReady) and pool-c (.15, .16) with NO local Traefik, where the flapping agent1 and the slow
 * api1 live. Loopback aliases need no set-up on Linux.
 */
const NODE_IPS = ['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14', '127.0.0.15', '127.0.0.16'];
const AGENT_NODE: Record<string, number> = {
  agent1: 4,
  agent2: 0,
  agent3: 2,
  grafana1: 1,
  grafana2: 3,
  api1: 5,
  api2: 0,
  api3: 2,
  api4: 4,
  static1: 1,
  static2: 3,
};
const onNodes = (t: Topology): Topology => ({
  ...t,
  agents: t.agents.map((a) => ({ ...a, host: NODE_IPS[AGENT_NODE[a.name] ?? 0] })),
});
const APP_PORT = Number(process.env.PORT ?? 3000);
const DEV = process.argv.includes('--dev');
const STACK_ONLY = process.argv.includes('--stack-only');

const topology: Topology = {
  host: '127.0.0.1',
  statsPort: 8404,
  authStatsPort: 8405,
  frontendPort: 8090,
  auth: { user: 'admin', password: 'demo' },
  timeoutCheckMs: 1000,
  agents: [
    { name: 'agent1', port: 9001, mode: 'flap:20000:12000' },
    { name: 'agent2', port: 9002 },
    { name: 'agent3', port: 9003 },
    { name: 'grafana1', port: 9004 },
    { name: 'grafana2', port: 9005 },
    { name: 'api1', port: 9006, mode: 'slow:150' },
    { name: 'api2', port: 9007 },
    { name: 'api3', port: 9008 },
    { name: 'api4', port: 9009, mode: 'flap:5000:5000' },
    { name: 'static1', port: 9010 },
    { name: 'static2', port: 9011 },
  ],
  backends: [
    {
      name: 'codeserver_backend',
      host: 'code.example.com',
      check: CHECK,
      servers: [{ name: 'agent1' }, { name: 'agent2', backup: true }, { name: 'agent3', backup: true }],
    },
    {
      name: 'grafana_backend',
      host: 'grafana.example.com',
      check: CHECK,
      servers: [{ name: 'grafana1' }, { name: 'grafana2' }],
    },
    {
      name: 'api_backend',
      host: 'api.example.com',
      check: FLAP_CHECK,
      servers: [{ name: 'api1' }, { name: 'api2' }, { name: 'api3' }, { name: 'api4', backup: true }],
    },
    {
      name: 'static_backend',
      host: 'static.example.com',
      check: CHECK,
      servers: [
        { name: 'static1', check: false },
        { name: 'static2', disabled: true },
      ],
    },
  ],
};

/**
 * The standby load balancer, demo-b: the same backends and agents on its own ports, read over its runtime socket.
 * Its way to grafana1 goes through a TCP relay on grafana1's node address, standing for its network path to that
 * node: cutting it makes grafana1 unreachable from demo-b only, and the two load balancers disagree.
 */
const STANDBY = { statsPort: 8406, authStatsPort: 8407, frontendPort: 8091 };
const RELAYED = { agent: 'grafana1', port: 9104 };

interface Standby {
  haproxy: HaproxyHandle;
  socketPath: string;
  statsUrl: string;
  frontendUrl: string;
  relay: TcpRelay;
  stop(): Promise<void>;
}

async function startStandby(stack: Stack, log: (line: string) => void): Promise<Standby> {
  const placed = stack.topology;
  const relayed = placed.agents.find((a) => a.name === RELAYED.agent)!;
  const host = relayed.host ?? placed.host;
  const relay = await startTcpRelay({ host, port: RELAYED.port, target: { host, port: relayed.port } });
  const standby: Topology = {
    ...placed,
    ...STANDBY,
    agents: placed.agents.map((a) => (a.name === RELAYED.agent ? { ...a, port: RELAYED.port } : a)),
  };
  const { configPath, socketPath } = await writeHaproxyConfig(standby, repoPath('.demo/lb-b'));
  const haproxy = await startHaproxy({
    configPath,
    onOutput: (line) => log(`[haproxy demo-b] ${line}`),
  }).catch(async (error: unknown) => {
    await relay.close();
    throw error;
  });
  return {
    haproxy,
    socketPath,
    statsUrl: `http://${placed.host}:${STANDBY.statsPort}/stats`,
    frontendUrl: `http://${placed.host}:${STANDBY.frontendPort}/`,
    relay,
    async stop() {
      await haproxy.stop();
      await relay.close();
    },
  };
}

interface Scenario {
  what: string;
  firstAfterS: number;
  everyS: number;
  forS: number;
  begin(stack: Stack, standby: Standby): Promise<unknown>;
  end(stack: Stack, standby: Standby): Promise<unknown>;
}

const agentScenario = (
  agent: string,
  mode: string,
  what: string,
  firstAfterS: number,
  everyS: number,
  forS: number,
) =>
  ({
    what,
    firstAfterS,
    everyS,
    forS,
    begin: (stack) => setAgentMode(stack.agent(agent).controlUrl, mode),
    end: (stack) => setAgentMode(stack.agent(agent).controlUrl, 'ok'),
  }) satisfies Scenario;

const SCENARIOS: Scenario[] = [
  {
    what: 'api_backend/api3 is put in MAINT on both load balancers over their runtime sockets',
    firstAfterS: 20,
    everyS: 120,
    forS: 40,
    begin: async (stack, standby) => {
      for (const socket of [stack.socketPath, standby.socketPath])
        await runtimeAdmin(socket, 'disable server api_backend/api3');
    },
    end: async (stack, standby) => {
      for (const socket of [stack.socketPath, standby.socketPath])
        await runtimeAdmin(socket, 'enable server api_backend/api3');
    },
  },
  {
    what: `demo-b loses its network path to ${RELAYED.agent} (demo still reaches it): the load balancers disagree`,
    firstAfterS: 60,
    everyS: 200,
    forS: 60,
    begin: (_stack, standby) => standby.relay.cut(),
    end: (_stack, standby) => standby.relay.restore(),
  },
  agentScenario('grafana2', 'fail', 'grafana_backend/grafana2 answers 503 (L7STS → DOWN)', 40, 180, 45),
  agentScenario('api2', 'hang', 'api_backend/api2 hangs (L7TOUT → DOWN, traffic gets 504)', 90, 240, 30),
];

function ensureHaproxy() {
  if (existsSync(HAPROXY_BIN)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `HAProxy is not installed (${HAPROXY_BIN}). Install it with:\n  ${HAPROXY_INSTALL_COMMAND}`,
    );
    process.exit(1);
  }
  console.log('[demo] installing HAProxy: apt-get update && apt-get install -y haproxy');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'haproxy']]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) process.exit(1);
  }
}

function schedule(stack: Stack, standby: Standby, timers: Set<NodeJS.Timeout>) {
  const log = (text: string) => console.log(`[demo ${new Date().toTimeString().slice(0, 8)}] ${text}`);
  const later = (seconds: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, seconds * 1000);
    timers.add(timer);
  };
  for (const s of SCENARIOS) {
    const run = () => {
      log(`${s.what} for ${s.forS} s`);
      void s.begin(stack, standby).catch((err) => log(`failed: ${err}`));
      later(s.forS, () => {
        log(`back to normal: ${s.what.split(' ')[0]}`);
        void s.end(stack, standby).catch((err) => log(`failed: ${err}`));
      });
      later(s.everyS, run);
    };
    later(s.firstAfterS, run);
  }
}

/** A few requests per second with a burst every minute, spread over the backends by Host header; most go to demo. */
function generateTraffic(stack: Stack, standby: Standby, timers: Set<NodeJS.Timeout>) {
  const hosts = [
    'code.example.com',
    'code.example.com',
    'grafana.example.com',
    'api.example.com',
    'api.example.com',
  ];
  let inFlight = 0;
  const tick = () => {
    const burst = Math.floor(Date.now() / 1000) % 60 < 10;
    for (let i = burst ? 6 : 1; i > 0 && inFlight < 40; i--) {
      inFlight += 1;
      const host = hosts[Math.floor(Math.random() * hosts.length)] ?? 'code.example.com';
      const frontend = Math.random() < 0.8 ? stack.frontendUrl : standby.frontendUrl;
      void requestThroughFrontend(frontend, host, 15_000)
        .catch(() => undefined)
        .finally(() => (inFlight -= 1));
    }
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        tick();
      },
      150 + Math.random() * 250,
    );
    timers.add(timer);
  };
  tick();
}

async function waitForApp(url: string, app: ChildHandle): Promise<boolean> {
  let exited = false;
  void app.exited.then(() => (exited = true));
  for (let i = 0; i < 600 && !exited; i++) {
    if (
      await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        () => true,
        () => false,
      )
    )
      return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** The demo signs in like a real install: the first admin from HAPSCOPE_ADMIN_PASSWORD, then one user per role. */
const DEMO_USERS = [
  { name: 'admin', role: 'admin', password: 'hapscope-demo' },
  { name: 'operator', role: 'operator', password: 'hapscope-demo' },
  { name: 'viewer', role: 'viewer', password: 'hapscope-demo' },
] as const;

async function addDemoUsers(appUrl: string): Promise<void> {
  const headers = { 'content-type': 'application/json', origin: appUrl };
  const [admin, ...others] = DEMO_USERS;
  const signIn = await fetch(`${appUrl}/api/v1/auth/signin`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: admin.name, password: admin.password }),
  });
  if (!signIn.ok)
    throw new Error(`sign-in as ${admin.name}: HTTP ${signIn.status} (a demo database from before?)`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  for (const user of others) {
    const res = await fetch(`${appUrl}/api/v1/users`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify(user),
    });
    if (!res.ok && res.status !== 409) throw new Error(`adding ${user.name}: HTTP ${res.status}`);
  }
}

function banner(stack: Stack, standby: Standby, appUrl: string | null) {
  const line = '─'.repeat(72);
  console.log(`\n${line}\n  hapscope demo\n${line}`);
  if (appUrl) console.log(`  Dashboard           ${appUrl}`);
  if (appUrl)
    console.log(
      `  Sign in as          ${DEMO_USERS.map((u) => u.name).join(' / ')}, password ${DEMO_USERS[0].password} (one user per role)`,
    );
  console.log(
    `  HAProxy demo        ${stack.statsUrl}  (also ${stack.authStatsUrl}, admin:demo), read over HTTP`,
  );
  console.log(`                      runtime socket ${stack.socketPath}`);
  console.log(`  HAProxy demo-b      ${standby.statsUrl}, read over its runtime socket`);
  console.log(`                      runtime socket ${standby.socketPath}`);
  console.log(
    `  Traffic             ${stack.frontendUrl}, ${standby.frontendUrl} (Host: code|grafana|api|static.example.com)`,
  );
  console.log(`  Agent control       ${stack.hubUrl}/<agent>/mode?set=ok|fail|hang|refuse|slow:<ms>`);
  console.log(
    `  Kubernetes (fake)   http://127.0.0.1:${K8S_PORT}  (kubectl --kubeconfig ${K8S_DIR}/kubeconfig get nodes)`,
  );
  console.log(`\n  What happens:`);
  console.log(
    `  - codeserver_backend/agent1 flaps: 20 s healthy, 12 s failing (backups agent2/agent3 take over)`,
  );
  console.log(`  - api_backend/api4 (backup) flaps 5 s up / 5 s down: a flapping alert within a minute`);
  for (const s of SCENARIOS)
    console.log(`  - after ${s.firstAfterS} s, then every ${s.everyS} s: ${s.what}, ${s.forS} s`);
  console.log(
    `  - pools: pool-c has no local Traefik (agent1, api1 live there); loc-b-2 NotReady, loc-a-2 cordoned`,
  );
  console.log(`  - static_backend/static1 has no check; static_backend/static2 starts disabled (MAINT)`);
  console.log(`  - requests through both HAProxy every ~300 ms, a 10 s burst each minute`);
  console.log(
    `  - demo and demo-b are two views of the same servers: each alert of a server shows per load balancer`,
  );
  console.log(`\n  Ctrl-C stops everything.\n${line}\n`);
}

/** A few hours of generated history for both sources when the demo's database is empty (a fresh clone). */
async function seedDemoHistory(dataDir: string) {
  const servers = topology.backends.flatMap((backend) =>
    backend.servers.map((server) => ({ backend: backend.name, server: server.name, backup: server.backup })),
  );
  const store = openStore(dataDir, DEFAULT_RETENTION, Date.now, { maintain: false });
  try {
    const until = await seedGeneratedHistory(
      store,
      ['demo', 'demo-b'].flatMap((instance) => servers.map((s) => ({ instance, ...s }))),
      Date.now(),
      6,
    );
    if (until !== null)
      console.log(`[demo] generated 6 h of history up to ${new Date(until).toTimeString().slice(0, 5)}`);
  } finally {
    await store.close();
  }
}

async function main() {
  ensureHaproxy();
  const running: { stack?: Stack; standby?: Standby; app?: ChildHandle; k8s?: FakeK8s } = {};
  const timers = new Set<NodeJS.Timeout>();
  const shutdown = onShutdown(
    async () => {
      timers.forEach(clearTimeout);
      await running.app?.stop();
      await running.k8s?.close();
      await running.standby?.stop();
      await running.stack?.stop();
    },
    () =>
      [running.app?.pid, running.stack?.haproxy.pid, running.standby?.haproxy.pid].filter(
        (pid): pid is number => pid !== undefined,
      ),
  );
  const stack = await startStack({
    topology: onNodes(topology),
    dir: repoPath('.demo'),
    hubPort: HUB_PORT,
    log: (l) => console.log(l),
  });
  running.stack = stack;
  const standby = await startStandby(stack, (l) => console.log(l));
  running.standby = standby;
  const k8s = await startFakeK8s({ port: K8S_PORT, topology: defaultFakeTopology(NODE_IPS), dir: K8S_DIR });
  running.k8s = k8s;
  schedule(stack, standby, timers);
  generateTraffic(stack, standby, timers);
  if (STACK_ONLY) return banner(stack, standby, null);

  if (!DEV && !existsSync(repoPath('.next/BUILD_ID'))) {
    console.log('[demo] no production build yet: running next build');
    const build = runNext(['build'], {});
    if ((await build.exited) !== 0) {
      console.error('[demo] next build failed (see above); stopping. `--stack-only` runs HAProxy alone.');
      return shutdown(1);
    }
  }
  const dataDir = repoPath('data/demo');
  await seedDemoHistory(dataDir);
  const app = runNext([DEV ? 'dev' : 'start', '-p', String(APP_PORT)], {
    HAPROXY_STATS_URL: `demo=${stack.statsUrl},demo-b=unix:${standby.socketPath}`,
    DATA_DIR: dataDir,
    POLL_INTERVAL_MS: '2000',
    PORT: String(APP_PORT),
    KUBECONFIG: k8s.kubeconfigPath,
    K8S_ENABLED: 'true',
    BACKEND_HOSTS: backendHostsSetting(stack.topology),
    AUTH_MODE: 'local',
    HAPSCOPE_ADMIN_PASSWORD: DEMO_USERS[0].password,
  });
  running.app = app;
  void app.exited.then((code) => shutdown(code === 0 ? 0 : 1));
  const appUrl = `http://localhost:${APP_PORT}`;
  if (await waitForApp(appUrl, app)) {
    await addDemoUsers(appUrl).catch((error: unknown) =>
      console.error('[demo] could not add the demo users:', error),
    );
    banner(stack, standby, appUrl);
  }
}

void main();
