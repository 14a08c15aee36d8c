'use client';

import { useCallback, useEffect, useState } from 'react';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { dismissToast, expireToasts, expires, NO_TOASTS, pushToast, type ToastStack } from './toast-queue';

export interface AlertToasts {
  stack: ToastStack;
  push(event: AlertEventDto): void;
  dismiss(key: string): void;
}

/** The toasts; what leaves by itself (resolutions) expires on a timer that runs only while such a toast is shown. */
export function useAlertToasts(): AlertToasts {
  const [stack, setStack] = useState<ToastStack>(NO_TOASTS);
  const expiring = expires(stack);
  useEffect(() => {
    if (!expiring) return;
    const id = window.setInterval(() => setStack((current) => expireToasts(current, Date.now())), 1000);
    return () => window.clearInterval(id);
  }, [expiring]);
  const push = useCallback(
    (event: AlertEventDto) => setStack((current) => pushToast(current, event, Date.now())),
    [],
  );
  const dismiss = useCallback((key: string) => setStack((current) => dismissToast(current, key)), []);
  return { stack, push, dismiss };
}
