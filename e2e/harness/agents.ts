import http from 'node:http';
import type { Socket } from 'node:net';

/**
 * ok | fail | hang | refuse | slow:<ms> | flap:<upMs>:<downMs> | status:<code>.
 * `slow:<ms>` delays every answer, HAProxy's HEAD health checks included (keep `timeout check` above it).
 * `status:<code>` answers ordinary requests with that HTTP status but HEAD (the health check) with 200: the
 * server stays UP while its traffic fails.
 */
export type AgentMode =
  'ok' | 'fail' | 'hang' | 'refuse' | `slow:${number}` | `flap:${number}:${number}` | `status:${number}`;

export interface AgentState {
  name: string;
  port: number;
  mode: AgentMode;
  /** What a request gets right now (a flapping agent alternates between ok and fail). */
  answering: 'ok' | 'fail' | 'hang' | 'slow' | 'refuse' | 'status';
  /** When the current mode was set (ISO). */
  since: string;
  requests: number;
  /** HEAD requests: what HAProxy's `option httpchk` with `meth HEAD` sends (counted in `requests` too). */
  checks: number;
}

export interface Agent {
  readonly name: string;
  readonly port: number;
  /** http://host:port/ */
  readonly url: string;
  /** http://host:port/__agent (unreachable while the mode is `refuse`; use the stack's control hub then). */
  readonly controlUrl: string;
  state(): AgentState;
  setMode(mode: AgentMode | string): Promise<AgentState>;
  close(): Promise<void>;
}

export interface AgentOptions {
  name: string;
  port: number;
  host?: string;
  mode?: AgentMode | string;
}

export function parseAgentMode(text: string): AgentMode {
  if (text === 'ok' || text === 'fail' || text === 'hang' || text === 'refuse') return text;
  const slow = /^slow:(\d+)$/.exec(text);
  if (slow) return `slow:${Number(slow[1])}`;
  const flap = /^flap:(\d+):(\d+)$/.exec(text);
  if (flap && Number(flap[1]) > 0 && Number(flap[2]) > 0) return `flap:${Number(flap[1])}:${Number(flap[2])}`;
  const status = /^status:(\d{3})$/.exec(text);
  if (status && Number(status[1]) >= 200 && Number(status[1]) <= 599) return `status:${Number(status[1])}`;
  throw new Error(
    `unknown agent mode "${text}" (ok, fail, hang, refuse, slow:<ms>, flap:<upMs>:<downMs>, status:<200-599>)`,
  );
}

export async function startAgent(options: AgentOptions): Promise<Agent> {
  const host = options.host ?? '127.0.0.1';
  const { name, port } = options;
  let mode = parseAgentMode(options.mode ?? 'ok');
  let since = Date.now();
  let requests = 0;
  let checks = 0;
  let listening = false;
  let closed = false;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const answering = (): AgentState['answering'] => {
    const flap = /^flap:(\d+):(\d+)$/.exec(mode);
    if (flap)
      return (Date.now() - since) % (Number(flap[1]) + Number(flap[2])) < Number(flap[1]) ? 'ok' : 'fail';
    if (mode.startsWith('slow:')) return 'slow';
    return mode.startsWith('status:') ? 'status' : (mode as AgentState['answering']);
  };
  const state = (): AgentState => ({
    name,
    port,
    mode,
    answering: answering(),
    since: new Date(since).toISOString(),
    requests,
    checks,
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://agent');
    if (url.pathname.startsWith('/__agent/')) {
      void handleControl(url, res);
      return;
    }
    requests += 1;
    if (req.method === 'HEAD') checks += 1;
    const now = answering();
    if (now === 'hang' || now === 'refuse') return; // keep the socket open, never answer
    if (now === 'fail')
      return void sendText(res, 503, 'Service Unavailable', `${name}: failing on purpose\n`);
    if (now === 'status' && req.method !== 'HEAD') {
      const code = Number(mode.slice('status:'.length));
      const body = code === 204 || code === 304 ? '' : `${name}: answering ${code} on purpose\n`; // no body allowed
      return void sendText(res, code, http.STATUS_CODES[code] ?? 'Status', body);
    }
    const delayMs = now === 'slow' ? Number(mode.slice('slow:'.length)) : 0;
    const timer = setTimeout(() => {
      timers.delete(timer);
      sendText(res, 200, 'OK', `<!doctype html><title>${name}</title><h1>${name}</h1>\n`, 'text/html');
    }, delayMs);
    timers.add(timer);
  });
  server.keepAliveTimeout = 1_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handleControl(url: URL, res: http.ServerResponse) {
    if (url.pathname === '/__agent/state') return sendJson(res, 200, state());
    if (url.pathname !== '/__agent/mode')
      return sendJson(res, 404, { error: `no control path ${url.pathname}` });
    try {
      sendJson(res, 200, await setMode(url.searchParams.get('set') ?? ''));
    } catch (err) {
      sendJson(res, 400, { error: (err as Error).message });
    }
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        listening = true;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  async function setMode(next: AgentMode | string): Promise<AgentState> {
    if (closed) throw new Error(`agent ${name} is closed`);
    mode = parseAgentMode(next);
    since = Date.now();
    if (mode === 'refuse') {
      // Answer the control request first, then stop listening: later connections get ECONNREFUSED.
      setImmediate(() => {
        if (mode === 'refuse') void stopListening();
      });
    } else if (!listening) {
      await listen();
    }
    return state();
  }

  if (mode !== 'refuse') await listen();
  return {
    name,
    port,
    url: `http://${host}:${port}/`,
    controlUrl: `http://${host}:${port}/__agent`,
    state,
    setMode,
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await stopListening();
    },
  };
}

/**
 * One always-reachable control endpoint for a set of agents, mirroring each agent's own control paths:
 * GET /__agent/<name>/mode?set=<mode>, GET /__agent/<name>/state, GET /__agent (all states).
 * Needed because an agent in `refuse` mode cannot be reached on its own port.
 */
export async function startAgentHub(options: {
  port: number;
  host?: string;
  agents: ReadonlyMap<string, Agent>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname === '/__agent' || url.pathname === '/__agent/') {
      return sendJson(
        res,
        200,
        [...options.agents.values()].map((agent) => agent.state()),
      );
    }
    const match = /^\/__agent\/([^/]+)\/(mode|state)$/.exec(url.pathname);
    const agent = match && options.agents.get(decodeURIComponent(match[1] ?? ''));
    if (!match || !agent) return sendJson(res, 404, { error: `no agent control path ${url.pathname}` });
    if (match[2] === 'state') return sendJson(res, 200, agent.state());
    try {
      sendJson(res, 200, await agent.setMode(url.searchParams.get('set') ?? ''));
    } catch (err) {
      sendJson(res, 400, { error: (err as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `http://${host}:${options.port}/__agent`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Client side, for specs and scripts in another process: `controlBase` is an agent's or the hub's URL. */
export async function setAgentMode(controlBase: string, mode: AgentMode | string): Promise<AgentState> {
  const res = await fetch(`${controlBase}/mode?set=${encodeURIComponent(mode)}`, { cache: 'no-store' });
  const body = (await res.json()) as AgentState | { error: string };
  if (!res.ok || 'error' in body)
    throw new Error(`setting ${controlBase} to ${mode}: ${JSON.stringify(body)}`);
  return body;
}

function sendText(
  res: http.ServerResponse,
  status: number,
  reason: string,
  body: string,
  type = 'text/plain',
) {
  res.writeHead(status, reason, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(text);
}
