/**
 * The browser's copy of the alerts: the full list from GET /api/v1/alerts merged with stream events, each alert's
 * change log as this tab saw it, and the newest seq (what a reconnect resumes from). Pure and immutable.
 */
import type { AlertChangeKind, AlertDto, AlertEventDto, AlertsDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertHistoryDto } from '@/lib/api/schemas/alerts';

export interface HistoryEntry {
  change: AlertChangeKind;
  /** Epoch ms: when the change happened (the alert's own times, or the arrival time of an old server's update). */
  at: number;
  summary: string;
  /** Who acknowledged, muted or unmuted: a user, or "token <name>". */
  by: string | null;
  /** The change's place in the server's log; null for what is read off the alert itself. */
  seq: number | null;
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

/**
 * Applies stream events in order; a seq already seen (a replay overlapping what we had) changes nothing. The
 * book's maps are copied once for them all: a poll's events are drawn together, and in an alert storm the book
 * holds thousands of alerts.
 */
export function applyEvents(
  book: AlertBook,
  events: readonly AlertEventDto[],
  receivedAt: number,
): AlertBook {
  let alerts: Map<string, AlertDto> | null = null;
  let versions: Map<string, number> | null = null;
  let history: Map<string, readonly HistoryEntry[]> | null = null;
  let lastSeq = book.lastSeq;
  for (const event of events) {
    lastSeq = Math.max(lastSeq, event.seq);
    if (((versions ?? book.versions).get(event.id) ?? 0) >= event.seq) continue;
    alerts ??= new Map(book.alerts);
    versions ??= new Map(book.versions);
    history ??= new Map(book.history);
    // The event is the alert object plus seq/change/notify: kept whole, the extra fields do no harm.
    alerts.set(event.id, event);
    versions.set(event.id, event.seq);
    history.set(event.id, [...(history.get(event.id) ?? []), historyEntry(event, receivedAt)]);
  }
  return alerts && versions && history
    ? { ...book, alerts, versions, history, lastSeq }
    : { ...book, lastSeq };
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
    muted: receivedAt,
    unmuted: receivedAt,
  };
  return {
    change: event.change,
    at: event.changedAt ? Date.parse(event.changedAt) : times[event.change],
    summary: event.summary,
    by: event.by ?? (event.change === 'acknowledged' ? event.acknowledgedBy : null),
    seq: event.seq,
  };
}

/** GET /api/v1/alerts/{id}/history as history entries. */
export function storedHistory(dto: AlertHistoryDto): HistoryEntry[] {
  return dto.changes.map((c) => ({
    change: c.change,
    at: Date.parse(c.at),
    summary: c.summary,
    by: c.by,
    seq: c.seq,
  }));
}

/** Happen at most once to an alert (an episode): the alert's own record of them stands in until the log has them. */
const ONCE: ReadonlySet<AlertChangeKind> = new Set(['fired', 'acknowledged', 'resolved']);

/**
 * An alert's change log, oldest first: the server's stored log (once fetched) and what the stream brought, one
 * entry per seq, and what the alert itself records (fired, acknowledged, resolved) where neither has it yet.
 */
export function alertHistory(
  alert: AlertDto,
  seen: readonly HistoryEntry[] = [],
  stored: readonly HistoryEntry[] = [],
): HistoryEntry[] {
  const logged = new Map<string, HistoryEntry>();
  const key = (e: HistoryEntry) => (e.seq === null ? `${e.change}@${e.at}` : `#${e.seq}`);
  for (const entry of [...stored, ...seen]) if (!logged.has(key(entry))) logged.set(key(entry), entry);
  const has = (change: AlertChangeKind) => [...logged.values()].some((e) => e.change === change);
  const own = ownEntries(alert).filter((e) => !(ONCE.has(e.change) && has(e.change)));
  return [...logged.values(), ...own].sort((a, b) => a.at - b.at || order(a.change) - order(b.change));
}

function ownEntries(alert: AlertDto): HistoryEntry[] {
  const entry = (change: AlertChangeKind, at: string, by: string | null = null): HistoryEntry => ({
    change,
    at: Date.parse(at),
    summary: alert.summary,
    by,
    seq: null,
  });
  const own = [entry('fired', alert.firedAt)];
  if (alert.acknowledgedAt) own.push(entry('acknowledged', alert.acknowledgedAt, alert.acknowledgedBy));
  if (alert.resolvedAt) own.push(entry('resolved', alert.resolvedAt));
  return own;
}

/** One line of the log: "acknowledged by alice", "muted by token ci", "updated: a flapped 8 times". */
export function historyText(entry: Pick<HistoryEntry, 'change' | 'by' | 'summary'>): string {
  if (entry.change === 'updated') return `updated: ${entry.summary}`;
  return entry.by ? `${entry.change} by ${entry.by}` : entry.change;
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
