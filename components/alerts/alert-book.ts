/**
 * The browser's copy of the alerts: the full list from GET /api/v1/alerts merged with stream events, each alert's
 * change log as this tab saw it, and the newest seq (what a reconnect resumes from). Pure and immutable.
 */
import type { AlertChangeKind, AlertDto, AlertEventDto, AlertsDto, MuteDto } from '@/lib/api/alerts-dto';

export interface HistoryEntry {
  change: AlertChangeKind;
  /** Epoch ms: the alert's own time for fired/resolved/acknowledged, the arrival time for an update. */
  at: number;
  summary: string;
  by: string | null;
}

export interface AlertBook {
  alerts: ReadonlyMap<string, AlertDto>;
  /** Per alert: the seq its data is current to (the list's lastEventId or the event's seq). */
  versions: ReadonlyMap<string, number>;
  history: ReadonlyMap<string, readonly HistoryEntry[]>;
  mutes: readonly MuteDto[];
  /** Newest seq seen, from events or the list: resume the stream after it. */
  lastSeq: number;
  loaded: boolean;
}

export const EMPTY_BOOK: AlertBook = {
  alerts: new Map(),
  versions: new Map(),
  history: new Map(),
  mutes: [],
  lastSeq: 0,
  loaded: false,
};

/** Takes the full list, keeping any alert an event already brought past the list's point in time. */
export function applyList(book: AlertBook, list: AlertsDto): AlertBook {
  const alerts = new Map<string, AlertDto>();
  const versions = new Map<string, number>();
  for (const alert of list.alerts) {
    alerts.set(alert.id, alert);
    versions.set(alert.id, list.lastEventId);
  }
  for (const [id, version] of book.versions) {
    const newer = book.alerts.get(id);
    if (version > list.lastEventId && newer) {
      alerts.set(id, newer);
      versions.set(id, version);
    }
  }
  return {
    ...book,
    alerts,
    versions,
    mutes: list.mutes,
    lastSeq: Math.max(book.lastSeq, list.lastEventId),
    loaded: true,
  };
}

/** Applies one stream event; a seq already seen (a replay overlapping what we had) changes nothing. */
export function applyEvent(book: AlertBook, event: AlertEventDto, receivedAt: number): AlertBook {
  if ((book.versions.get(event.id) ?? 0) >= event.seq)
    return { ...book, lastSeq: Math.max(book.lastSeq, event.seq) };
  // The event is the alert object plus seq/change/notify: kept whole, the extra fields do no harm.
  const alerts = new Map(book.alerts).set(event.id, event);
  const versions = new Map(book.versions).set(event.id, event.seq);
  const entry = historyEntry(event, receivedAt);
  const history = new Map(book.history).set(event.id, [...(book.history.get(event.id) ?? []), entry]);
  return { ...book, alerts, versions, history, lastSeq: Math.max(book.lastSeq, event.seq) };
}

export function applyMutes(book: AlertBook, mutes: readonly MuteDto[]): AlertBook {
  return { ...book, mutes };
}

function historyEntry(event: AlertEventDto, receivedAt: number): HistoryEntry {
  const at = (iso: string | null) => (iso ? Date.parse(iso) : receivedAt);
  const times: Record<AlertChangeKind, number> = {
    fired: at(event.firedAt),
    resolved: at(event.resolvedAt),
    acknowledged: at(event.acknowledgedAt),
    updated: receivedAt,
    muted: at(event.changedAt ?? null),
    unmuted: at(event.changedAt ?? null),
  };
  return {
    change: event.change,
    at: times[event.change],
    summary: event.summary,
    by: event.change === 'acknowledged' ? event.acknowledgedBy : (event.by ?? null),
  };
}

/**
 * An alert's change log: what the alert itself records (fired, acknowledged, resolved) joined with what the
 * stream brought (summary updates), oldest first, one entry per change and time.
 */
export function alertHistory(alert: AlertDto, seen: readonly HistoryEntry[] = []): HistoryEntry[] {
  const own: HistoryEntry[] = [
    { change: 'fired', at: Date.parse(alert.firedAt), summary: alert.summary, by: null },
  ];
  if (alert.acknowledgedAt)
    own.push({
      change: 'acknowledged',
      at: Date.parse(alert.acknowledgedAt),
      summary: alert.summary,
      by: alert.acknowledgedBy,
    });
  if (alert.resolvedAt)
    own.push({ change: 'resolved', at: Date.parse(alert.resolvedAt), summary: alert.summary, by: null });
  const key = (e: HistoryEntry) => `${e.change}@${e.at}`;
  const byKey = new Map<string, HistoryEntry>();
  for (const entry of [...seen, ...own]) if (!byKey.has(key(entry))) byKey.set(key(entry), entry);
  return [...byKey.values()].sort((a, b) => a.at - b.at || order(a.change) - order(b.change));
}

const ORDER: Record<AlertChangeKind, number> = {
  fired: 0,
  updated: 1,
  acknowledged: 2,
  muted: 2,
  unmuted: 2,
  resolved: 3,
};
const order = (change: AlertChangeKind) => ORDER[change];
