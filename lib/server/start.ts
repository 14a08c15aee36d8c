import 'server-only';
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
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[hapscope] invalid configuration: ${error.message}`);
    process.exit(1);
  }
}
