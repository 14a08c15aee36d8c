'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AlertEventDto, AlertsDto } from '@/lib/api/alerts-dto';
import type { AlertTarget } from '@/lib/alerts/types';
import { drawWithNextView } from '../hooks/draw-with-view';
import { useAlertList } from '../hooks/use-alert-list';
import { AlertBadges } from './use-alert-badges';
import { useAlertStream } from './use-alert-stream';
import { ToastStore } from './use-alert-toasts';
import { AlertsContext, AlertsHub, type AlertsParts } from './use-alerts';
import { useDesktopNotifications } from './use-desktop-notifications';
import { useNow } from '../ui/use-now';
import { deleteMute, postAck, postMute } from './alert-actions';
import { isAnnounced } from './alert-text';
import { AlertToaster } from './alert-toaster';
import { claimKey } from './notify-claims';
import { StreamStatus } from './stream-status';

/**
 * The tab's alert hub: one stream, the alert list, toasts, OS notifications (one tab notifies), and the count in
 * the title and favicon. Mounted once by the dashboard layout; pages read it through useAlerts().
 */
export function AlertsProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const lastSeq = useRef(0);
  const announced = useRef(new Set<string>());
  const [toasts] = useState(() => new ToastStore());
  const notifications = useDesktopNotifications(router.push);
  const { notify } = notifications;
  // The book lives in the hub, not in this component's state: an alert event renders its readers only.
  const [hub] = useState(() => new AlertsHub(Date.now()));

  // The list is read through the shared SWR hook, not polled: the stream says when to read it again.
  const onList = useCallback(
    (list: AlertsDto) => {
      lastSeq.current = Math.max(lastSeq.current, list.lastEventId);
      hub.applyList(list);
    },
    [hub],
  );
  const { mutate } = useAlertList({ refreshMs: 0, onList });
  const refresh = useCallback(async () => {
    try {
      await mutate();
    } catch (error) {
      console.error('[hapscope] alert list:', error);
    }
  }, [mutate]);

  // The events of a poll are drawn with its view, in one frame (draw-with-view.ts); an OS notification goes at once.
  const pending = useRef<{ event: AlertEventDto; toast: boolean }[]>([]);
  const drawEvents = useCallback(() => {
    const events = pending.current;
    pending.current = [];
    hub.applyEvents(
      events.map(({ event }) => event),
      Date.now(),
    );
    toasts.push(events.filter(({ toast }) => toast).map(({ event }) => event));
  }, [hub, toasts]);
  const onEvent = useCallback(
    (event: AlertEventDto) => {
      lastSeq.current = Math.max(lastSeq.current, event.seq);
      const key = claimKey(event);
      const toast = isAnnounced(event) && !announced.current.has(key);
      if (toast) {
        announced.current.add(key);
        void notify(event);
      }
      pending.current.push({ event, toast });
      drawWithNextView(drawEvents);
    },
    [drawEvents, notify],
  );

  const stream = useAlertStream({ onEvent, onOpen: refresh, lastSeq: () => lastSeq.current });
  const parts = useMemo<AlertsParts>(
    () => ({
      stream,
      notifications,
      acknowledge: async (id: string) => {
        await postAck(id);
        await refresh();
      },
      mute: async (target: AlertTarget, minutes: number, reason: string | null) => {
        await postMute(target, minutes, reason);
        await refresh();
      },
      unmute: async (id: number) => {
        await deleteMute(id);
        await refresh();
      },
    }),
    [stream, notifications, refresh],
  );
  hub.initParts(parts);
  useLayoutEffect(() => hub.setParts(parts), [hub, parts]);
  const now = useNow(30_000);
  useLayoutEffect(() => hub.setNow(now), [hub, now]);

  return (
    <AlertsContext.Provider value={hub}>
      <StreamStatus state={stream} />
      <AlertBadges />
      {children}
      <AlertToaster store={toasts} />
    </AlertsContext.Provider>
  );
}
