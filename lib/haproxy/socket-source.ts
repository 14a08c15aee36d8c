import type { SocketSource } from '@/lib/config/parse-sources';
import { parseStatsCsv } from './parse-csv';
import { parseShowInfo } from './parse-show-info';
import type { PollResult } from './poll-result';
import { runtimeCommand } from './runtime-socket';
import { SourceError, toSourceError } from './source-error';
import { toProxies } from './to-backends';

/** Reads `show stat` and `show info` over HAProxy's runtime API (one command per connection). */
export async function pollSocketSource(source: SocketSource, timeoutMs: number): Promise<PollResult> {
  let statText: string;
  let infoText: string;
  try {
    [statText, infoText] = await Promise.all([
      runtimeCommand(source.socketPath, 'show stat', timeoutMs),
      runtimeCommand(source.socketPath, 'show info', timeoutMs),
    ]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    throw new SourceError(code === 'ETIMEDOUT' ? 'timeout' : 'socket', message);
  }
  try {
    return {
      ...toProxies(parseStatsCsv(statText), source.name),
      info: parseShowInfo(infoText),
      bytes: statText.length,
      csv: statText,
    };
  } catch (error) {
    throw toSourceError(error, timeoutMs);
  }
}
