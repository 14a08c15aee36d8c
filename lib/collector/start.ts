import 'server-only';
import { closeAllEventStreams } from '@/lib/api/event-stream';
import { ConfigError } from '@/lib/config';
import { getCollector } from './index';

/** Start-up: a bad configuration stops the server with the key and the reason, before it serves anything. */
export function startOrExit(): void {
  try {
    const collector = getCollector();
    const names = collector.config.sources.map((s) => `${s.name} (${s.displayUrl})`).join(', ');
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      // Open alert streams would hold the HTTP server open until the kill timeout: end them, stop polling.
      process.once(signal, () => {
        collector.stop();
        closeAllEventStreams();
      });
    }
    console.log(`[hapscope] polling every ${collector.config.pollIntervalMs} ms: ${names}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[hapscope] invalid configuration: ${error.message}`);
    process.exit(1);
  }
}
