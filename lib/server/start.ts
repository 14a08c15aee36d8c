import 'server-only';
import { probeOidc } from '@/lib/access/server/sign-in-service';
import { ensureFirstAdmin } from '@/lib/access/server/users';
import { ConfigError } from '@/lib/config';
import { getRuntime } from './runtime';

/** Start-up: a bad configuration stops the server with the key and the reason, before it serves anything. */
export function startOrExit(): void {
  try {
    const { config, collector, streams } = getRuntime();
    const names = config.sources.map((s) => `${s.name} (${s.displayUrl})`).join(', ');
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      // Open alert streams would hold the HTTP server open until the kill timeout: end them, stop polling.
      process.once(signal, () => {
        collector.stop();
        streams.closeAll();
      });
    }
    console.log(`[hapscope] polling every ${config.pollIntervalMs} ms: ${names}`);
    // The URL as shown everywhere: its password replaced by ***.
    const store = config.database
      ? `PostgreSQL ${config.database.display}`
      : `SQLite under ${config.dataDir}`;
    console.log(`[hapscope] store: ${store}`);
    console.log(`[hapscope] sign-in: AUTH_MODE=${config.auth.mode}${describeOpenReads(config.auth)}`);
    if (config.auth.mode === 'none')
      console.warn('[hapscope] AUTH_MODE=none: everyone who reaches hapscope is an admin');
    const runtime = getRuntime();
    void probeOidc(runtime, Date.now());
    ensureFirstAdmin(runtime, Date.now()).catch((error: unknown) =>
      console.error('[hapscope] could not create the first admin (the store did not open?):', error),
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[hapscope] invalid configuration: ${error.message}`);
    process.exit(1);
  }
}

function describeOpenReads(auth: { publicEmbeds: boolean; metricsPublic: boolean }): string {
  const open = [auth.publicEmbeds && 'every embed and badge', auth.metricsPublic && '/metrics'].filter(
    Boolean,
  );
  return open.length ? `; readable without sign-in: ${open.join(', ')}` : '';
}
