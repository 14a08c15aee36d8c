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
    agents: [...agentNames, 'static1', 'static2'].map((name, i) => ({ name, port: base + 10 + i })),
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
}

export function harnessFacts(base: number, topology: Topology = harnessTopology(base)): HarnessFacts {
  const stateDir = path.join(os.tmpdir(), `hapscope-harness-${base}`);
  const socketPath = path.join(stateDir, 'haproxy.sock');
  const statsUrl = `http://${HOST}:${topology.statsPort}/stats`;
  const authStatsUrl = `http://${HOST}:${topology.authStatsPort}/stats`;
  const withCreds = (password: string) =>
    `http://${USER}:${password}@${HOST}:${topology.authStatsPort}/stats`;
  const hubPort = base + 90;
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
          url: `http://${HOST}:${a.port}/`,
          controlUrl: `${agentHubUrl}/${a.name}`,
          ownControlUrl: `http://${HOST}:${a.port}/__agent`,
        },
      ]),
    ),
    sources: { main: 'main', sock: 'sock', badauth: 'badauth' },
    haproxyStatsUrlEnv: `main=${authStatsUrlWithCredentials},sock=unix:${socketPath},badauth=${badAuthStatsUrl}`,
    pollIntervalMs: 1000,
  };
}

/** What the Playwright webServer (e2e-server.ts) starts; specs import these. */
export const E2E_TOPOLOGY = harnessTopology(E2E_BASE_PORT);
export const E2E = harnessFacts(E2E_BASE_PORT, E2E_TOPOLOGY);
