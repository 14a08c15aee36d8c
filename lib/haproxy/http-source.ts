import type { HttpSource } from '@/lib/config/parse-sources';
import type { HaproxyProcessInfo } from '@/lib/health/types';
import { parseStatsCsv } from './parse-csv';
import { parseStatsPageInfo } from './parse-show-info';
import type { PollResult } from './poll-result';
import { httpStatusError, toSourceError } from './source-error';
import { toProxies } from './to-backends';

/** Fetches and parses one stats CSV. `withInfo` also reads the HTML page's process information. */
export async function pollHttpSource(
  source: HttpSource,
  timeoutMs: number,
  withInfo: boolean,
): Promise<PollResult> {
  try {
    const text = await fetchText(source, source.csvUrl, timeoutMs);
    const { backends, frontends } = toProxies(parseStatsCsv(text), source.name);
    const info = withInfo ? await fetchProcessInfo(source, timeoutMs) : null;
    return { backends, frontends, info, bytes: text.length, csv: text };
  } catch (error) {
    throw toSourceError(error, timeoutMs);
  }
}

async function fetchText(source: HttpSource, url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, {
    headers: source.authorization ? { authorization: source.authorization } : {},
    signal: AbortSignal.timeout(timeoutMs),
    cache: 'no-store',
    redirect: 'manual',
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw httpStatusError(response.status, response.statusText);
  }
  return response.text();
}

/** Process information is a nice-to-have: its failure never fails the poll. */
async function fetchProcessInfo(source: HttpSource, timeoutMs: number): Promise<HaproxyProcessInfo | null> {
  try {
    const html = await fetchText(source, source.infoUrl, timeoutMs);
    const info = parseStatsPageInfo(html);
    return {
      version: info.version ?? null,
      pid: info.pid ?? null,
      uptimeSec: info.uptimeSec ?? null,
      nodeName: info.nodeName ?? null,
    };
  } catch {
    return null;
  }
}
