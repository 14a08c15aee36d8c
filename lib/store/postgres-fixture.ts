/**
 * For tests and benches: a throwaway PostgreSQL 15 server from Debian's packages (`postgresql`, installed by
 * .ci/ensure-system-packages.sh), in a temporary directory owned by `postgres` (as root; otherwise the current
 * user's), on a free loopback port, trust authentication for user `hapscope`. Each test takes a fresh database.
 * The postmaster is this process's child (started as `postgres`, not by `pg_ctl start`, which would hand it to
 * an init that does not reap it); `pg_ctl stop` stops it. stop() and remove() also run at exit.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';
export const POSTGRES_USER = 'hapscope';

export const POSTGRES = {
  available: existsSync(`${BIN}/initdb`) && existsSync(`${BIN}/postgres`),
  reason: `PostgreSQL 15 is not installed (${BIN}): bash .ci/ensure-system-packages.sh installs it`,
};

export interface PostgresServer {
  port: number;
  dir: string;
  /** postgres://hapscope@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** A new, empty database; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (its data stays): connections are refused until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its directory. */
  remove(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as `postgres` when root (initdb refuses root), else as the current user. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  return asRoot
    ? ['runuser', ['-u', 'postgres', '--', `${BIN}/${program}`, ...args]]
    : [`${BIN}/${program}`, args];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** initdb in a new temporary directory, then start; the settings trade durability for speed (tests only). */
export async function startPostgres(settings: Record<string, string> = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), -1);
  const initdb = asPostgres('initdb', [
    '-D',
    dir,
    '-A',
    'trust',
    '-U',
    POSTGRES_USER,
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  execFileSync(initdb[0], initdb[1], { stdio: 'ignore' });
  const port = await freePort();
  const options = {
    listen_addresses: '127.0.0.1',
    fsync: 'off',
    full_page_writes: 'off',
    synchronous_commit: 'off',
    ...settings,
  };
  let child: ChildProcess | null = null;
  let databases = 0;

  const url = (database = 'postgres') => `postgres://${POSTGRES_USER}@127.0.0.1:${port}/${database}`;
  const stopNow = () => {
    if (!child || child.exitCode !== null) return;
    const [cmd, args] = asPostgres('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      child.kill('SIGKILL');
    }
  };
  const atExit = () => {
    stopNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', atExit);

  const server: PostgresServer = {
    port,
    dir,
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async start() {
      const args = ['-D', dir, '-p', String(port), '-k', dir];
      for (const [key, value] of Object.entries(options)) args.push('-c', `${key}=${value}`);
      const [cmd, argv] = asPostgres('postgres', args);
      const started = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
      let log = '';
      started.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
      child = started;
      await waitReady(url(), started, () => log);
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      stopNow();
      await exited;
    },
    async remove() {
      await server.stop();
      process.removeListener('exit', atExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (error) {
    await server.remove();
    throw error;
  }
  return server;
}

/** Until a connection succeeds (10 s at most), or the server exits. */
async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not start: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
