'use client';

import { useEffect, useRef, useState } from 'react';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { alertStreamUrl } from '@/lib/api/urls';
import { reconnectDelayMs } from './backoff';

export type StreamState = 'connecting' | 'open' | 'closed';

export interface AlertStreamHandlers {
  onEvent(event: AlertEventDto): void;
  /** Every (re)open: the moment to fetch the full list. */
  onOpen(): void;
  /** The newest seq the tab has: a stream the tab opens itself resumes after it. */
  lastSeq(): number;
}

/**
 * One EventSource on the alert stream for as long as the caller is mounted. The browser's own retries resend
 * Last-Event-ID; when the browser gives up (or has no id to resend yet) the hook reopens it itself, with back-off
 * and `?lastEventId=`, so nothing is lost across a server restart.
 */
export function useAlertStream(handlers: AlertStreamHandlers): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: number | undefined;
    let attempt = 0;
    let disposed = false;

    const reopenLater = () => {
      source?.close();
      source = null;
      setState('closed');
      timer = window.setTimeout(connect, reconnectDelayMs(attempt++));
    };
    function connect() {
      if (disposed) return;
      const es = new EventSource(alertStreamUrl(latest.current.lastSeq()));
      let gotId = false;
      source = es;
      setState('connecting');
      es.onopen = () => {
        attempt = 0;
        setState('open');
        latest.current.onOpen();
      };
      es.addEventListener('alert', (message: MessageEvent<string>) => {
        gotId ||= message.lastEventId !== '';
        try {
          latest.current.onEvent(JSON.parse(message.data) as AlertEventDto);
        } catch (error) {
          console.error('[hapscope] bad alert event:', error);
        }
      });
      es.onerror = () => {
        // CONNECTING: the browser retries by itself and resends the last id it got; without one, it cannot resume.
        if (es.readyState === EventSource.CONNECTING && (gotId || latest.current.lastSeq() === 0)) {
          setState('connecting');
          return;
        }
        reopenLater();
      };
    }

    connect();
    return () => {
      disposed = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, []);

  return state;
}
