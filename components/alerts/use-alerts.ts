'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AlertEventDto, AlertsDto } from '@/lib/api/alerts-dto';
import type { AlertTarget } from '@/lib/alerts/types';
import { applyEvents, applyList, EMPTY_BOOK, type AlertBook } from './alert-book';
import { attentionCount } from './alert-groups';
import type { StreamState } from './use-alert-stream';
import type { DesktopNotifications } from './use-desktop-notifications';

export interface AlertsContextValue {
  book: AlertBook;
  stream: StreamState;
  /** Firing alerts that want attention (what the title, favicon and nav badges show). */
  count: number;
  notifications: DesktopNotifications;
  /** As the signed-in person: the server takes the name from the session or token, never from the page. */
  acknowledge(id: string): Promise<void>;
  mute(target: AlertTarget, durationMinutes: number, reason: string | null): Promise<void>;
  unmute(id: number): Promise<void>;
}

/** What the provider holds besides the book: the stream's state, notifications and the actions. */
export type AlertsParts = Omit<AlertsContextValue, 'book' | 'count'>;

/**
 * The tab's alerts as a store: the provider hands it the list and each poll's events, and readers subscribe.
 * Through a context value instead, each alert event would make React search the whole page below the provider for
 * readers (the overview's table at 20,000 servers included); through the provider's state, each would render the
 * provider again. Here an event renders only the readers, and `count` is worked out once per change of the book.
 */
export class AlertsHub {
  private readonly listeners = new Set<() => void>();
  private parts: AlertsParts | null = null;
  private book: AlertBook = EMPTY_BOOK;
  private count = 0;
  private value: AlertsContextValue | null = null;

  constructor(private now: number) {}

  /** The parts the provider's first render made: its readers, rendered in that same pass, find them. */
  initParts(parts: AlertsParts): void {
    if (this.parts) return;
    this.parts = parts;
    this.value = { ...parts, book: this.book, count: this.count };
  }

  setParts(parts: AlertsParts): void {
    if (parts === this.parts) return;
    this.parts = parts;
    this.publish();
  }

  /** The full list (GET /api/v1/alerts), read on each stream (re)open. */
  applyList(list: AlertsDto): void {
    this.setBook(applyList(this.book, list));
  }

  /** One poll's events, in order. */
  applyEvents(events: readonly AlertEventDto[], receivedAt: number): void {
    this.setBook(applyEvents(this.book, events, receivedAt));
  }

  /** Mutes run out with time: the count is worked out again as the clock moves. */
  setNow(now: number): void {
    this.now = now;
    this.setBook(this.book, true);
  }

  private setBook(book: AlertBook, recount = book.alerts !== this.book.alerts): void {
    if (book === this.book && !recount) return;
    const count = recount ? attentionCount(book.alerts.values(), this.now) : this.count;
    if (book === this.book && count === this.count) return;
    this.book = book;
    this.count = count;
    this.publish();
  }

  private publish(): void {
    if (!this.parts) return;
    this.value = { ...this.parts, book: this.book, count: this.count };
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  read = (): AlertsContextValue | null => this.value;
}

export const AlertsContext = createContext<AlertsHub | null>(null);

const noSubscription = () => () => {};
const nothing = () => null;

/** The tab's alerts, stream state and actions; needs an <AlertsProvider> above (the dashboard layout has one). */
export function useAlerts(): AlertsContextValue {
  const hub = useContext(AlertsContext);
  const value = useSyncExternalStore(
    hub?.subscribe ?? noSubscription,
    hub?.read ?? nothing,
    hub?.read ?? nothing,
  );
  if (!value) throw new Error('useAlerts() needs an <AlertsProvider> above it');
  return value;
}

/** The badge count, or null outside an <AlertsProvider> (an embed without alerts). */
export function useAlertCount(): number | null {
  const hub = useContext(AlertsContext);
  const read = () => hub?.read()?.count ?? null;
  return useSyncExternalStore(hub?.subscribe ?? noSubscription, read, read);
}
