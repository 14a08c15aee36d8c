/**
 * The 24h uptime of every server and backend, for the overview's uptime column (its cells and its sort): fetched
 * in the overview's worker once a minute while a table shows rows. At 20,000 servers the answer is a few MB of
 * JSON: parsed here, it costs the page nothing; the page gets each row's figure with the row.
 */
import type { UptimeDto } from '@/lib/api/history-dto';
import { uptimeUrl, type HistoryRange } from '@/lib/api/urls';
import { backendKey, serverKey } from '@/lib/health/server-key';
import { fetchJsonIfChanged } from '../../hooks/fetch-json';

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

export class UptimeFeed {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private held: UptimeDto | null = null;

  constructor(private readonly onUptime: (byKey: ReadonlyMap<string, number | null>) => void) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.load();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    try {
      // Tagged per poll: an unchanged answer comes back 304 as the object held.
      const { data } = await fetchJsonIfChanged<UptimeDto>(uptimeUrl(RANGE_24H, { buckets: 0 }));
      if (data !== this.held) {
        this.held = data;
        this.onUptime(uptimeByKey(data));
      }
    } catch {
      // The column shows "–" until an answer comes (history may be off or failing: health says why).
    } finally {
      clearTimeout(this.timer);
      if (this.running) this.timer = setTimeout(() => void this.load(), REFRESH_MS);
    }
  }
}
