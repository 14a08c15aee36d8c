'use client';

import { createContext, useContext } from 'react';
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

export const AlertsContext = createContext<AlertsContextValue | null>(null);

/** The tab's alerts, stream state and actions; needs an <AlertsProvider> above (the dashboard layout has one). */
export function useAlerts(): AlertsContextValue {
  const value = useContext(AlertsContext);
  if (!value) throw new Error('useAlerts() needs an <AlertsProvider> above it');
  return value;
}

/** The badge count, or null outside an <AlertsProvider> (an embed without alerts). */
export function useAlertCount(): number | null {
  return useContext(AlertsContext)?.count ?? null;
}
