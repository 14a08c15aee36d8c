import { spawn, type StdioOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startAgent, startAgentHub, type Agent } from './agents';
import {
  harnessHaproxyBin,
  startHaproxy,
  writeHaproxyConfig,
  sleep,
  type HaproxyHandle,
  type Topology,
} from './haproxy';

export interface StackOptions {
  topology: Topology;
  /** Where haproxy.cfg, haproxy.sock and haproxy.pid go (created if missing). */
  dir: string;
  /** Port of the agent control hub (GET /__agent/<name>/mode?set=…); no hub when omitted. */
  hubPort?: number;
  log?: (line: string) => void;
}

export interface Stack {
  topology: Topology;
  configPath: string;
  socketPath: string;
  agents: ReadonlyMap<string, Agent>;
  haproxy: HaproxyHandle;
  statsUrl: string;
  authStatsUrl: string;
  authStatsUrlWithCredentials: string;
  frontendUrl: string;
  hubUrl: string | undefined;
  agent(name: string): Agent;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { topology } = options;
  const log = options.log ?? (() => {});
  const { configPath, socketPath } = await writeHaproxyConfig(topology, options.dir);
  const agents = new Map<string, Agent>();
  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    // HAProxy first, so it does not log a storm of failed checks while the agents go away.
    for (const close of closers.splice(0).reverse()) await close().catch((err) => log(`stop: ${err}`));
  };
  try {
    for (const spec of topology.agents) {
      const agent = await startAgent({
        name: spec.name,
        port: spec.port,
        host: spec.host ?? topology.host,
        mode: spec.mode,
      });
      agents.set(spec.name, agent);
      closers.push(() => agent.close());
    }
    const hub = options.hubPort
      ? await startAgentHub({ port: options.hubPort, host: topology.host, agents })
      : null;
    if (hub) closers.push(() => hub.close());
    log(`[haproxy] ${harnessHaproxyBin()} (HAPROXY_BIN picks another)`);
    const haproxy = await startHaproxy({ configPath, onOutput: (line) => log(`[haproxy] ${line}`) });
    closers.push(() => haproxy.stop());
    const { host, auth } = topology;
    return {
      topology,
      configPath,
      socketPath,
      agents,
      haproxy,
      statsUrl: `http://${host}:${topology.statsPort}/stats`,
      authStatsUrl: `http://${host}:${topology.authStatsPort}/stats`,
      authStatsUrlWithCredentials: `http://${auth.user}:${auth.password}@${host}:${topology.authStatsPort}/stats`,
      frontendUrl: `http://${host}:${topology.frontendPort}/`,
      hubUrl: hub?.url,
      agent(name) {
        const agent = agents.get(name);
        if (!agent) throw new Error(`no agent ${name} (have ${[...agents.keys()].join(', ')})`);
        return agent;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface ChildHandle {
  pid: number;
  exited: Promise<number | string>;
  /** SIGTERM to the child and all its descendants, SIGKILL whatever is left after a grace period. */
  stop(): Promise<void>;
}

/** `next build`, or hapscope's server (server.mjs: `start`, `dev`) in the repo; output goes straight to ours. */
export function runNext(
  args: string[],
  env: Record<string, string>,
  stdio: StdioOptions = 'inherit',
): ChildHandle {
  const [command, ...rest] = args;
  const argv =
    command === 'start' || command === 'dev'
      ? (['node', ['server.mjs', ...(command === 'dev' ? ['--dev'] : []), ...rest]] as const)
      : (['npx', ['--no', 'next', ...args]] as const);
  const child = spawn(argv[0], [...argv[1]], {
    cwd: process.cwd(),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio,
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.on('error', (err) => resolve(err.message));
  });
  const pid = child.pid ?? -1;
  return { pid, exited, stop: () => stopTree(pid, exited) };
}

export async function stopTree(pid: number, exited: Promise<unknown>, graceMs = 5_000): Promise<void> {
  if (pid <= 0) return;
  const tree = [pid, ...descendants(pid)];
  for (const p of tree) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && tree.some(alive)) await sleep(100);
  for (const p of tree.filter(alive)) signal(p, 'SIGKILL');
  await exited;
}

/** Children of `pid`, recursively, read from /proc (npx → sh → node: signals do not always travel down). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we were reading
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Runs `cleanup` once on SIGINT/SIGTERM/SIGHUP or a crash, then exits. Returns a `shutdown(code)` to call
 * on a normal end. `pids` are SIGKILLed synchronously if the process exits without cleaning up.
 */
export function onShutdown(
  cleanup: () => Promise<void>,
  pids: () => number[],
): (code: number) => Promise<void> {
  let running: Promise<void> | undefined;
  const shutdown = (code: number) =>
    (running ??= cleanup()
      .catch((err) => console.error('cleanup failed:', err))
      .finally(() => process.exit(code)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => void shutdown(sig === 'SIGINT' ? 130 : 143));
  }
  process.on('uncaughtException', (err) => {
    console.error(err);
    void shutdown(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error(err);
    void shutdown(1);
  });
  process.on('exit', () => pids().forEach((pid) => signal(pid, 'SIGKILL')));
  return shutdown;
}

export const repoPath = (...parts: string[]) => path.resolve(process.cwd(), ...parts);
