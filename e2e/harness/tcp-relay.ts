import net from 'node:net';

/**
 * A TCP relay standing for the network path from one load balancer to a node: HAProxy's server line points at
 * the relay, which forwards to the agent. `cut()` stops listening and drops open connections (the node becomes
 * unreachable from that load balancer only: connection refused, L4CON); `restore()` listens again.
 */
export interface TcpRelay {
  readonly port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpRelay(options: {
  port: number;
  target: { host: string; port: number };
  host?: string;
}): Promise<TcpRelay> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(options.target.port, options.target.host);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  await listen();
  return {
    port: options.port,
    cut,
    restore: () => (server.listening ? Promise.resolve() : listen()),
    close: cut,
  };
}
