'use client';

import { useEffect, useRef } from 'react';
import { faviconLabel, titleWithCount } from './badge-count';
import { useAlertCount } from './use-alerts';

const ICON_LINKS = 'link[rel~="icon"]';
const ORIGINAL = 'data-hapscope-original';
const ORIGINAL_TYPE = 'data-hapscope-original-type';

/**
 * Puts the count in front of the document title, and keeps it there when a page sets its own title. One observer
 * for as long as the page lives: the title is set only when what it says changes (each set is a trip to the
 * browser, and an alert storm changes the count every poll while the title still says "(99+)").
 */
function useTitleCount(count: number): void {
  const wanted = useRef(count);
  const apply = useRef<(() => void) | null>(null);
  useEffect(() => {
    const put = () => {
      const title = titleWithCount(document.title, wanted.current);
      if (document.title !== title) document.title = title;
    };
    apply.current = put;
    put();
    const observer = new MutationObserver(put);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      apply.current = null;
      document.title = titleWithCount(document.title, 0);
    };
  }, []);
  useEffect(() => {
    wanted.current = count;
    apply.current?.();
  }, [count]);
}

function drawBadge(icon: HTMLImageElement | null, label: string): string {
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  if (icon) ctx.drawImage(icon, 0, 0, size, size);
  const r = 20;
  ctx.beginPath();
  ctx.arc(size - r, r, r, 0, Math.PI * 2);
  ctx.fillStyle = '#d93a0b';
  ctx.fill();
  ctx.lineWidth = 4;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${label.length > 1 ? 22 : 28}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, size - r, r + 2);
  return canvas.toDataURL('image/png');
}

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

/** Badges drawn, by icon and label: a count that comes back (they come and go with alerts) is not drawn again. */
const drawn = new Map<string, Promise<string>>();
const MAX_DRAWN = 64;

function badgeUrl(icon: string, label: string): Promise<string> {
  const key = `${icon}\n${label}`;
  let url = drawn.get(key);
  if (!url) {
    if (drawn.size >= MAX_DRAWN) drawn.clear();
    url = loadImage(icon).then((img) => drawBadge(img, label));
    drawn.set(key, url);
  }
  return url;
}

/**
 * Draws the label over the site icon (a canvas badge as a data URL); puts the icon back without one (no alert).
 * Keyed by the label, not the count: the icon changes only when what it shows does.
 */
function useFaviconLabel(label: string | null): void {
  useEffect(() => {
    // In the head only: the whole document is the overview's table too.
    let links = [...document.head.querySelectorAll<HTMLLinkElement>(ICON_LINKS)];
    if (links.length === 0) {
      const link = document.createElement('link');
      link.rel = 'icon';
      link.href = '/icon.svg';
      document.head.append(link);
      links = [link];
    }
    for (const link of links) {
      if (link.hasAttribute(ORIGINAL)) continue;
      link.setAttribute(ORIGINAL, link.href);
      link.setAttribute(ORIGINAL_TYPE, link.type);
    }
    const restore = () =>
      links.forEach((link) => {
        link.href = link.getAttribute(ORIGINAL) ?? link.href;
        link.type = link.getAttribute(ORIGINAL_TYPE) ?? '';
      });
    if (label === null) {
      restore();
      return;
    }
    let cancelled = false;
    const icon = links[0]!.getAttribute(ORIGINAL) ?? '/icon.svg';
    void badgeUrl(icon, label).then((url) => {
      if (cancelled) return;
      // The badge is a PNG: a link still typed image/svg+xml would be skipped by the browser.
      if (url)
        for (const link of links) {
          link.type = 'image/png';
          link.href = url;
        }
    });
    return () => {
      cancelled = true;
    };
  }, [label]);
}

/** The count of alerts wanting attention, in the tab's title ("(3) hapscope") and favicon. */
function useAlertBadges(count: number): void {
  useTitleCount(count);
  useFaviconLabel(count > 0 ? faviconLabel(count) : null);
}

/** The count in the title and favicon, as the tab's alerts say it: drawn again only when the count changes. */
export function AlertBadges(): null {
  useAlertBadges(useAlertCount() ?? 0);
  return null;
}
