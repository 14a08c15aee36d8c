/**
 * The 24h uptime of every server and backend, for the overview's uptime column (its cells and its sort): fetched
 * in the overview's worker once a minute while a table shows rows. At 20,000 servers the answer is a few MB of
 * JSON: parsed here, it costs the page nothing; the page gets each row's figure with the row.
 */
import type { UptimeDto } from '@/lib/api/history-dto';
import { uptimeUrl, type HistoryRange } from '@/lib/api/urls';
import { backendKey, serverKey } from '@/lib/health/server-key';
import { fetchJsonIfChanged } from '../../hooks/fetch-json';
import { PolledFeed } from './polled-feed';

const RANGE_24H: HistoryRange = { kind: 'preset', preset: '24h' };
/** Uptime over a day barely moves between polls: once a minute is plenty. */
const REFRESH_MS = 60_000;

/** Uptime % by server or backend key (lib/health/server-key). */
export function uptimeByKey(data: UptimeDto): Map<string, number | null> {
  const byKey = new Map<string, number | null>();
  for (const s of data.servers) byKey.set(serverKey(s), s.uptimePct);
  for (const b of data.backends) byKey.set(backendKey(b.instance, b.backend), b.uptimePct);
  return byKey;
}

/**
 * The feed of uptime by key. Tagged per poll: an unchanged answer comes back 304 as the object held, and is not
 * told again. Until an answer comes the column shows "–" (history may be off or failing: health says why).
 */
export function uptimeFeed(
  onUptime: (byKey: ReadonlyMap<string, number | null>) => void,
): PolledFeed<UptimeDto> {
  let held: UptimeDto | null = null;
  return new PolledFeed(
    async () => (await fetchJsonIfChanged<UptimeDto>(uptimeUrl(RANGE_24H, { buckets: 0 }))).data,
    REFRESH_MS,
    (data) => {
      if (data === held) return;
      held = data;
      onUptime(uptimeByKey(data));
    },
  );
}
