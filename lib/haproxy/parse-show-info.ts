import type { HaproxyProcessInfo } from '@/lib/health/types';
import { StatsParseError } from './types';

/*
 * Process facts (version, pid, uptime, node) from the runtime API's `show info` and from the HTML stats page.
 * Pure, like parse-csv.ts. Formats observed on HAProxy 2.6.12 (Debian), the same since 1.5.
 */

/** Parses `show info` (`Name: value` lines). Throws StatsParseError when the answer is something else. */
export function parseShowInfo(text: string): HaproxyProcessInfo {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2).trimEnd());
  }
  if (fields.get('Name') === undefined && fields.get('Version') === undefined) {
    const start = text.trim().split('\n', 1)[0]!.trim().slice(0, 60);
    throw new StatsParseError(
      'not-csv',
      start === ''
        ? 'not "show info" output: empty answer'
        : `not "show info" output: the answer starts with "${start}" (does the socket allow "show info"?)`,
    );
  }
  return {
    version: fields.get('Version') || null,
    pid: toInt(fields.get('Pid')),
    uptimeSec: toInt(fields.get('Uptime_sec')) ?? parseUptime(fields.get('Uptime')),
    nodeName: fields.get('node') || null,
  };
}

/*
 * The HTML stats page, as HAProxy 2.6 writes it:
 *   <h1><a href="http://www.haproxy.org/" …>HAProxy version 2.6.12-1+deb12u4, released 2026/10/17</a></h1>
 *   <h2>Statistics Report for pid 5464 on lb-eu-1: <description></h2>     (" on <node>" with stats show-node)
 *   <p><b>pid = </b> 5205 (process #1, nbproc = 1, nbthread = 2)<br>
 *   <b>uptime = </b> 0d 0h00m07s<br>
 * `stats hide-version` leaves `<h1>…>HAProxy</a></h1>`: no version then.
 */
const PAGE_VERSION = /HAProxy version ([^,<\s]+), released/;
// 3.x hides the full version on the stats page by default; its "Updates (v3.4)" link still names the branch.
const PAGE_BRANCH = /Updates \(v(\d+\.\d+)\)/;
const PAGE_PID = /<b>pid = <\/b>\s*(\d+)/;
const PAGE_UPTIME = /<b>uptime = <\/b>\s*(\d+d \d+h\d+m\d+s)/;
const PAGE_REPORT = /Statistics Report for pid (\d+)(?: on ([A-Za-z0-9._-]+))?/;

/** Extracts what the HTML stats page shows of the process; absent keys were not on the page. */
export function parseStatsPageInfo(html: string): Partial<HaproxyProcessInfo> {
  const info: Partial<HaproxyProcessInfo> = {};
  const version = PAGE_VERSION.exec(html)?.[1] ?? PAGE_BRANCH.exec(html)?.[1];
  if (version) info.version = version;
  const report = PAGE_REPORT.exec(html);
  const pid = toInt(PAGE_PID.exec(html)?.[1] ?? report?.[1]);
  if (pid !== null) info.pid = pid;
  const uptime = parseUptime(PAGE_UPTIME.exec(html)?.[1]);
  if (uptime !== null) info.uptimeSec = uptime;
  if (report?.[2]) info.nodeName = report[2];
  return info;
}

/** `0d 0h00m54s` → 54. */
function parseUptime(text: string | undefined): number | null {
  const m = text ? /^(\d+)d (\d+)h(\d+)m(\d+)s$/.exec(text.trim()) : null;
  if (!m) return null;
  const [days, hours, minutes, seconds] = m.slice(1).map(Number) as [number, number, number, number];
  return ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
}

function toInt(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}
