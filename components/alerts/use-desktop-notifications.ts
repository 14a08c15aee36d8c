'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { alertUrl, notificationText } from './alert-text';
import { openNotifierGate, type NotifierGate, type NotifierRole } from './notifier-gate';
import { claimKey } from './notify-claims';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

export interface DesktopNotifications {
  permission: NotificationPermissionState;
  /** Whether this tab is the one that shows OS notifications (leader), waits (follower), or shares by claims. */
  role: NotifierRole;
  /** Asks the browser; call only from a click (browsers ignore or block requests without a user gesture). */
  request(): Promise<void>;
  notify(event: AlertEventDto): Promise<void>;
}

const PERMISSION_EVENT = 'hapscope-notification-permission';

const askPermission = (): NotificationPermissionState =>
  typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';

/**
 * The permission as last read. Reading `Notification.permission` asks the browser process each time (about a
 * millisecond), and React reads a store on every render of its readers: it is read again only when it may have
 * changed (our own request, the site settings), or while no one follows it.
 */
let heldPermission: NotificationPermissionState | null = null;
let followers = 0;
const readPermission = (): NotificationPermissionState =>
  followers > 0 && heldPermission !== null ? heldPermission : (heldPermission = askPermission());

/** Follows the permission: our own request, and a change made in the site settings while the page is open. */
function subscribePermission(notify: () => void): () => void {
  let status: PermissionStatus | null = null;
  let closed = false;
  followers += 1;
  const onChange = () => {
    heldPermission = askPermission();
    notify();
  };
  window.addEventListener(PERMISSION_EVENT, onChange);
  navigator.permissions
    ?.query({ name: 'notifications' })
    .then((s) => {
      if (closed) return;
      status = s;
      s.addEventListener('change', onChange);
    })
    .catch(() => {});
  return () => {
    closed = true;
    followers -= 1;
    window.removeEventListener(PERMISSION_EVENT, onChange);
    status?.removeEventListener('change', onChange);
  };
}

/** OS notifications for alert changes, one per change across every open tab; a click focuses and navigates. */
export function useDesktopNotifications(navigate: (url: string) => void): DesktopNotifications {
  const permission = useSyncExternalStore(subscribePermission, readPermission, () => 'default' as const);
  const [role, setRole] = useState<NotifierRole>('none');
  const gate = useRef<NotifierGate | null>(null);
  const go = useRef(navigate);
  useEffect(() => {
    go.current = navigate;
  });

  useEffect(() => {
    const opened = openNotifierGate(setRole);
    gate.current = opened;
    return () => {
      opened.close();
      gate.current = null;
    };
  }, []);

  const request = useCallback(async () => {
    if (readPermission() === 'unsupported') return;
    await Notification.requestPermission();
    window.dispatchEvent(new Event(PERMISSION_EVENT));
  }, []);

  const notify = useCallback(async (event: AlertEventDto) => {
    if (readPermission() !== 'granted' || !gate.current) return;
    if (!(await gate.current.decide(claimKey(event)))) return;
    const { title, body } = notificationText(event);
    const notification = new Notification(title, { body, tag: event.id, icon: '/icon.svg' });
    notification.onclick = () => {
      window.focus();
      go.current(alertUrl(event));
      notification.close();
    };
  }, []);

  return useMemo(() => ({ permission, role, request, notify }), [permission, role, request, notify]);
}
