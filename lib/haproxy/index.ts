import 'server-only';
import type { Source } from '@/lib/config/parse-sources';
import { pollHttpSource } from './http-source';
import type { PollResult } from './poll-result';
import { pollSocketSource } from './socket-source';

export type { PollResult } from './poll-result';
export { SourceError } from './source-error';

/** Polls one source of either kind; throws SourceError. */
export function pollSource(source: Source, timeoutMs: number, withInfo: boolean): Promise<PollResult> {
  return source.kind === 'http'
    ? pollHttpSource(source, timeoutMs, withInfo)
    : pollSocketSource(source, timeoutMs);
}
