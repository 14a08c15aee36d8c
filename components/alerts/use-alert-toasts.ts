'use client';

import { useEffect, useSyncExternalStore } from 'react';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { dismissToast, expireToasts, expires, NO_TOASTS, pushToasts, type ToastStack } from './toast-queue';

/** The tab's toasts as a store: a poll's toasts render the toaster, not the alert provider that pushes them. */
export class ToastStore {
  private readonly listeners = new Set<() => void>();
  private stack: ToastStack = NO_TOASTS;

  push = (events: readonly AlertEventDto[]): void => this.set(pushToasts(this.stack, events, Date.now()));
  dismiss = (key: string): void => this.set(dismissToast(this.stack, key));
  expire = (): void => this.set(expireToasts(this.stack, Date.now()));

  private set(stack: ToastStack): void {
    if (stack === this.stack) return;
    this.stack = stack;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  read = (): ToastStack => this.stack;
}

/** The toasts shown; what leaves by itself (resolutions) expires on a timer that runs only while one is shown. */
export function useToastStack(store: ToastStore): ToastStack {
  const stack = useSyncExternalStore(store.subscribe, store.read, store.read);
  const expiring = expires(stack);
  useEffect(() => {
    if (!expiring) return;
    const id = window.setInterval(store.expire, 1000);
    return () => window.clearInterval(id);
  }, [store, expiring]);
  return stack;
}
