import os from 'node:os';
import path from 'node:path';
import type { Topology } from './haproxy';

/** The Playwright run's ports live in 18400-18499; the harness's own vitest test uses 18500-18599. */
export const E2E_BASE_PORT = 18400;
export const HARNESS_TEST_BASE_PORT = 18500;

const HOST = '127.0.0.1';
const USER = 'admin';
const PASSWORD = 'hapscope-e2e-pass';
const WRONG_PASSWORD = 'not-the-password';
// Slow enough that every transitional state (UP 1/3, UP 2/3, DOWN 1/3, DOWN 2/3) lasts a whole 1 s app poll.
const FAST_CHECK = { inter: 1000, fall: 3, rise: 3 };
const SLOWER_CHECK = { inter: 1000, fall: 3, rise: 2 };
// The alerts spec flaps flappy1: HAProxy's status follows its agent within ~0.5 s.
const FLAP_CHECK = { inter: 250, fall: 2, rise: 2 };

/**
 * Agents listen on the fake cluster's node InternalIPs (loopback aliases need no set-up on Linux), so servers map
 * to nodes by address, as in production. Several agents share a node with different ports, like services do.
 * defaultFakeTopology(NODE_IPS): .11 loc-a-1, .12 loc-a-2 (cordoned), .13 loc-b-1, .14 loc-b-2 (NotReady),
 * .15 loc-c-1, .16 loc-c-2 (pool-c has no local Traefik).
 */
export const E2E_NODE_IPS = [
  '127.0.0.11',
  '127.0.0.12',
  '127.0.0.13',
  '127.0.0.14',
  '127.0.0.15',
  '127.0.0.16',
];
const AGENT_NODE: Record<string, number> = {
  agent1: 0,
  agent2: 2,
  agent3: 4,
  grafana1: 1,
  grafana2: 3,
  api1: 0,
  api2: 2,
  api3: 4,
  api4: 5,
  static1: 1,
  static2: 5,
};

/**
 * The topology specs run against. codeserver_backend is the one to flip (fast checks); api3 starts disabled
 * (MAINT), static1 has no check ("no check"), and api4/agent2/agent3 are backups.
 */
export function harnessTopology(base: number): Topology {
  const agentNames = ['agent1', 'agent2', 'agent3', 'grafana1', 'grafana2', 'api1', 'api2', 'api3', 'api4'];
  return {
    host: HOST,
    statsPort: base + 4,
    authStatsPort: base + 5,
    frontendPort: base + 6,
    auth: { user: USER, password: PASSWORD },
    timeoutCheckMs: 400,
    agents: [
      ...[...agentNames, 'static1', 'static2'].map((name, i) => ({
        name,
        port: base + 10 + i,
        host: E2E_NODE_IPS[AGENT_NODE[name] ?? 0],
      })),
      // On no node, so in no pool: its flap alert stands alone (no "pool unstable" group) and names the server.
      { name: 'flappy1', port: base + 21 },
    ],
    backends: [
      {
        name: 'codeserver_backend',
        host: 'code.example.com',
        check: FAST_CHECK,
        servers: [{ name: 'agent1' }, { name: 'agent2', backup: true }, { name: 'agent3', backup: true }],
      },
      {
        name: 'grafana_backend',
        host: 'grafana.example.com',
        check: SLOWER_CHECK,
        servers: [{ name: 'grafana1' }, { name: 'grafana2' }],
      },
      {
        name: 'api_backend',
        host: 'api.example.com',
        check: SLOWER_CHECK,
        servers: [
          { name: 'api1' },
          { name: 'api2' },
          { name: 'api3', disabled: true },
          { name: 'api4', backup: true },
        ],
      },
      {
        name: 'static_backend',
        host: 'static.example.com',
        check: SLOWER_CHECK,
        servers: [{ name: 'static1', check: false }, { name: 'static2' }],
      },
      {
        name: 'flappy_backend',
        host: 'flappy.example.com',
        check: FLAP_CHECK,
        servers: [{ name: 'flappy1' }],
      },
    ],
  };
}

export interface HarnessFacts {
  host: string;
  appPort: number;
  appUrl: string;
  statsPort: number;
  authStatsPort: number;
  frontendPort: number;
  hubPort: number;
  stateDir: string;
  configPath: string;
  /** Absolute path of HAProxy's admin-level runtime socket. */
  socketPath: string;
  /** The app's DATA_DIR, emptied at each harness start. */
  dataDir: string;
  user: string;
  password: string;
  wrongPassword: string;
  /** Stats page without credentials. */
  statsUrl: string;
  /** Stats page behind `stats auth` (answers 401 without credentials). */
  authStatsUrl: string;
  authStatsUrlWithCredentials: string;
  badAuthStatsUrl: string;
  /** HAProxy's routing frontend: send `Host: code.example.com` etc. */
  frontendUrl: string;
  /** Control hub for all agents (reachable even when an agent refuses connections). */
  agentHubUrl: string;
  /** Per agent: port, its own URL, `controlUrl` (via the hub: `${controlUrl}/mode?set=fail`), own control URL. */
  agents: Record<string, { port: number; url: string; controlUrl: string; ownControlUrl: string }>;
  /** Source names the app is configured with, in HAPROXY_STATS_URL. */
  sources: { main: string; sock: string; badauth: string };
  haproxyStatsUrlEnv: string;
  pollIntervalMs: number;
  /** The fake Kubernetes API (defaultFakeTopology(nodeIps)); `url/__fake/*` mutates it while it runs. */
  k8s: {
    port: number;
    url: string;
    kubeconfigPath: string;
    nodeIps: string[];
    /** Out-of-band control (another port): `${controlUrl}/stop`, `${controlUrl}/resume`, POST. */
    controlPort: number;
    controlUrl: string;
  };
}

export function harnessFacts(base: number, topology: Topology = harnessTopology(base)): HarnessFacts {
  const stateDir = path.join(os.tmpdir(), `hapscope-harness-${base}`);
  const socketPath = path.join(stateDir, 'haproxy.sock');
  const statsUrl = `http://${HOST}:${topology.statsPort}/stats`;
  const authStatsUrl = `http://${HOST}:${topology.authStatsPort}/stats`;
  const withCreds = (password: string) =>
    `http://${USER}:${password}@${HOST}:${topology.authStatsPort}/stats`;
  const hubPort = base + 90;
  const k8sPort = base + 91;
  const agentHubUrl = `http://${HOST}:${hubPort}/__agent`;
  const authStatsUrlWithCredentials = withCreds(PASSWORD);
  const badAuthStatsUrl = withCreds(WRONG_PASSWORD);
  return {
    host: HOST,
    appPort: base + 80,
    appUrl: `http://${HOST}:${base + 80}`,
    statsPort: topology.statsPort,
    authStatsPort: topology.authStatsPort,
    frontendPort: topology.frontendPort,
    hubPort,
    stateDir,
    configPath: path.join(stateDir, 'haproxy.cfg'),
    socketPath,
    dataDir: path.join(stateDir, 'data'),
    user: USER,
    password: PASSWORD,
    wrongPassword: WRONG_PASSWORD,
    statsUrl,
    authStatsUrl,
    authStatsUrlWithCredentials,
    badAuthStatsUrl,
    frontendUrl: `http://${HOST}:${topology.frontendPort}/`,
    agentHubUrl,
    agents: Object.fromEntries(
      topology.agents.map((a) => [
        a.name,
        {
          port: a.port,
          url: `http://${a.host ?? HOST}:${a.port}/`,
          controlUrl: `${agentHubUrl}/${a.name}`,
          ownControlUrl: `http://${a.host ?? HOST}:${a.port}/__agent`,
        },
      ]),
    ),
    sources: { main: 'main', sock: 'sock', badauth: 'badauth' },
    haproxyStatsUrlEnv: `main=${authStatsUrlWithCredentials},sock=unix:${socketPath},badauth=${badAuthStatsUrl}`,
    pollIntervalMs: 1000,
    k8s: {
      port: k8sPort,
      url: `http://${HOST}:${k8sPort}`,
      kubeconfigPath: path.join(stateDir, 'k8s', 'kubeconfig'),
      nodeIps: E2E_NODE_IPS,
      controlPort: base + 92,
      controlUrl: `http://${HOST}:${base + 92}/__k8s`,
    },
  };
}

/** What the Playwright webServer (e2e-server.ts) starts; specs import these. */
export const E2E_TOPOLOGY = harnessTopology(E2E_BASE_PORT);
export const E2E = harnessFacts(E2E_BASE_PORT, E2E_TOPOLOGY);
/** embed.spec.ts serves a wiki page from this origin (allowed to frame /embed/*) and from a denied one. */
export const E2E_EMBED_ORIGINS = { allowed: 'http://127.0.0.2:18486', denied: 'http://127.0.0.3:18487' };
/**
 * Processes specs start themselves. Taken elsewhere: 18483 (alerts.spec.ts's app, E2E.appPort + 3), 18485
 * (readme-urls.spec.ts), 18486/18487 (the embed origins above), 18490-18492 (hub, fake Kubernetes, its control).
 */
export const E2E_SPEC_PORTS = {
  poolFlappingApp: E2E_BASE_PORT + 84,
  prometheus: E2E_BASE_PORT + 88,
  /** traffic.spec.ts: its own HAProxy, agents and app in 18430-18449. */
  traffic: E2E_BASE_PORT + 30,
  /** alert-storm.spec.ts: its own HAProxy, agent and app in 18450-18459. */
  alertStorm: E2E_BASE_PORT + 50,
  /** cross-site.spec.ts: the "wiki" on another origin (127.0.0.4) that tries to write. */
  crossSiteWiki: E2E_BASE_PORT + 89,
  /** access.spec.ts: its apps (local, proxy, oidc sign-in), the OpenID provider, a source nobody answers on. */
  accessLocalApp: E2E_BASE_PORT + 93,
  accessProxyApp: E2E_BASE_PORT + 94,
  accessOidcApp: E2E_BASE_PORT + 95,
  accessOidcProvider: E2E_BASE_PORT + 96,
  accessDeadSource: E2E_BASE_PORT + 97,
  accessPrometheus: E2E_BASE_PORT + 98,
  accessPublicEmbedsApp: E2E_BASE_PORT + 99,
  /** share-links.spec.ts: its app and the "wiki" (127.0.0.5) that frames a share link. */
  shareLinksApp: E2E_BASE_PORT + 60,
  shareLinksWiki: E2E_BASE_PORT + 61,
  /** store-faults.spec.ts: its app, whose DATA_DIR is a small tmpfs the spec fills up. */
  storeFaultsApp: E2E_BASE_PORT + 62,
  /** bounded-clients.spec.ts: its app (SSE_MAX_STREAMS_PER_CLIENT=3). */
  boundedClientsApp: E2E_BASE_PORT + 63,
  /** live-snapshot.spec.ts: its app, stopped and started again under an open tab. */
  liveSnapshotApp: E2E_BASE_PORT + 64,
  /** live-snapshot.spec.ts: a TCP relay in front of that app, cut to take a tab's stream away. */
  liveSnapshotRelay: E2E_BASE_PORT + 65,
  /** badge-cache.spec.ts: the README's HAProxy cache recipe on 18470, its app behind it on 18471. */
  badgeCache: E2E_BASE_PORT + 70,
  /** postgres-store.spec.ts: its app, on a throwaway PostgreSQL (the fixture picks that one's port itself). */
  postgresStoreApp: E2E_BASE_PORT + 66,
  /** replicas.spec.ts: two replicas on one throwaway PostgreSQL. */
  replicaApp1: E2E_BASE_PORT + 67,
  replicaApp2: E2E_BASE_PORT + 68,
};
