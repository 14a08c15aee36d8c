// No `import 'server-only'` here on purpose: the e2e harness and demo (plain Node) reuse this helper.
// It is pure `node:net` and never reaches client code because only lib/haproxy's socket source imports it.
import { statSync } from 'node:fs';
import net from 'node:net';

export const DEFAULT_RUNTIME_TIMEOUT_MS = 5_000;

export class RuntimeSocketError extends Error {
  constructor(
    message: string,
    readonly socketPath: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'RuntimeSocketError';
  }
}

/**
 * Sends one command to HAProxy's runtime API over a unix socket and resolves with the raw answer.
 * HAProxy's non-interactive mode answers one command per connection and then closes it.
 */
export function runtimeCommand(
  socketPath: string,
  command: string,
  timeoutMs: number = DEFAULT_RUNTIME_TIMEOUT_MS,
): Promise<string> {
  if (/[\r\n]/.test(command)) {
    return Promise.reject(
      new RuntimeSocketError('runtime command must be a single line', socketPath, 'EINVAL'),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.createConnection({ path: socketPath });
    const finish = (error: RuntimeSocketError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(() => {
      const msg = `HAProxy runtime socket ${socketPath}: no complete answer to "${command}" within ${timeoutMs} ms`;
      finish(new RuntimeSocketError(msg, socketPath, 'ETIMEDOUT'));
    }, timeoutMs);
    // Write without half-closing: HAProxy answers, then closes the connection itself.
    socket.on('connect', () => socket.write(`${command}\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(toRuntimeSocketError(err, socketPath)));
  });
}

function toRuntimeSocketError(err: NodeJS.ErrnoException, socketPath: string): RuntimeSocketError {
  const prefix = `HAProxy runtime socket ${socketPath}`;
  const messages: Record<string, string> = {
    ENOENT: `${prefix} not found (is HAProxy running with "stats socket ${socketPath}"?)`,
    ECONNREFUSED: `${prefix}: connection refused (stale socket file: HAProxy is not listening on it)`,
    EACCES: `${prefix}: permission denied (check the socket's "mode"/"user" and this process's user)`,
    ENOTSOCK: `${prefix} is not a unix socket`,
  };
  // Linux answers ECONNREFUSED for a regular file too: say which of the two it is.
  const code = err.code === 'ECONNREFUSED' && !isSocket(socketPath) ? 'ENOTSOCK' : err.code;
  const message = (code && messages[code]) ?? `${prefix}: ${err.message}`;
  return new RuntimeSocketError(message, socketPath, err.code);
}

function isSocket(socketPath: string): boolean {
  try {
    return statSync(socketPath).isSocket();
  } catch {
    return false;
  }
}
