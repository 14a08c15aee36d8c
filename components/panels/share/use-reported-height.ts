'use client';

import { useEffect, useState, type RefObject } from 'react';

/** The content height an embed in `frame` reports (its 'hapscope:height' message), or null until it does. */
export function useReportedHeight(frame: RefObject<HTMLIFrameElement | null>): number | null {
  const [measured, setMeasured] = useState<number | null>(null);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; height?: number } | null;
      if (event.source !== frame.current?.contentWindow || data?.type !== 'hapscope:height') return;
      if (typeof data.height === 'number') setMeasured(Math.ceil(data.height));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame]);
  return measured;
}
