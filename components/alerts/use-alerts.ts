'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AlertTarget } from '@/lib/alerts/types';
import type { AlertBook } from './alert-book';
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

/**
 * The alerts as a store the provider publishes to and readers subscribe to. Through a context value instead, each
 * alert event would make React search the whole page below the provider for readers (the overview's table at
 * 20,000 servers included); a store tells its readers only.
 */
export class AlertsHub {
  private readonly listeners = new Set<() => void>();

  constructor(private value: AlertsContextValue | null = null) {}

  publish(value: AlertsContextValue): void {
    if (value === this.value) return;
    this.value = value;
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
