'use client';

import { useCallback, useEffect, useState } from 'react';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { dismissToast, expireToasts, pushToast, type Toast } from './toast-queue';

export interface AlertToasts {
  toasts: Toast[];
  push(event: AlertEventDto): void;
  dismiss(key: string): void;
}

/** The toast list; resolved toasts expire on their own (a timer runs only while one is shown). */
export function useAlertToasts(): AlertToasts {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const hasResolved = toasts.some((t) => t.event.change === 'resolved');
  useEffect(() => {
    if (!hasResolved) return;
    const id = window.setInterval(() => setToasts((list) => expireToasts(list, Date.now())), 1000);
    return () => window.clearInterval(id);
  }, [hasResolved]);
  const push = useCallback(
    (event: AlertEventDto) => setToasts((list) => pushToast(list, event, Date.now())),
    [],
  );
  const dismiss = useCallback((key: string) => setToasts((list) => dismissToast(list, key)), []);
  return { toasts, push, dismiss };
}
