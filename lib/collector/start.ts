import 'server-only';
import { ConfigError } from '@/lib/config';
import { getCollector } from './index';

/** Start-up: a bad configuration stops the server with the key and the reason, before it serves anything. */
export function startOrExit(): void {
  try {
    const collector = getCollector();
    const names = collector.config.sources.map((s) => `${s.name} (${s.displayUrl})`).join(', ');
    console.log(`[hapscope] polling every ${collector.config.pollIntervalMs} ms: ${names}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[hapscope] invalid configuration: ${error.message}`);
    process.exit(1);
  }
}
