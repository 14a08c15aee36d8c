/** HAPROXY_STATS_URL: comma-separated `[name=]source` entries (shared/reference/api-v1.md). */
import { ConfigError } from './config-error';

export interface HttpSource {
  kind: 'http';
  name: string;
  /** The stats CSV URL without credentials, ending with ;csv. */
  csvUrl: string;
  /** The same stats page as HTML, scoped to no proxy: only its process information. */
  infoUrl: string;
  /** Safe to show and log: credentials replaced by `user:***@`. */
  displayUrl: string;
  /** `Basic …` when the URL carried credentials; never logged or sent to a browser. */
  authorization: string | null;
}

export interface SocketSource {
  kind: 'socket';
  name: string;
  socketPath: string;
  displayUrl: string;
}

export type Source = HttpSource | SocketSource;

const KEY = 'HAPROXY_STATS_URL';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:@-]*$/;
/** HAProxy's `scope` filters proxies by name: one no proxy carries leaves only the process information. */
const INFO_ONLY_SCOPE = '~hapscope-info~';

export function parseSources(value: string): Source[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new ConfigError(KEY, 'no source given');
  const sources = entries.map(parseSourceEntry);
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.name)) {
      throw new ConfigError(KEY, `two sources are named "${source.name}": give each a unique name=`);
    }
    seen.add(source.name);
  }
  return sources;
}

function parseSourceEntry(entry: string): Source {
  const { name, target } = splitName(entry);
  if (target.startsWith('unix:')) return toSocketSource(name, target.slice('unix:'.length));
  if (/^https?:\/\//i.test(target)) return toHttpSource(name, target);
  throw new ConfigError(KEY, `"${redactUserinfo(target)}" is neither an http(s):// URL nor unix:/path`);
}

function splitName(entry: string): { name: string | null; target: string } {
  const match = /^([^=/:]+)=(.*)$/.exec(entry);
  if (!match) return { name: null, target: entry };
  const name = match[1]!.trim();
  if (!NAME_PATTERN.test(name)) {
    throw new ConfigError(KEY, `source name "${name}" may hold only letters, digits and _ . : @ -`);
  }
  return { name, target: match[2]!.trim() };
}

function toSocketSource(name: string | null, socketPath: string): SocketSource {
  if (!socketPath.startsWith('/')) {
    throw new ConfigError(
      KEY,
      `unix socket path "${socketPath}" must be absolute (HAProxy rejects relative ones)`,
    );
  }
  const fileName = socketPath.split('/').filter(Boolean).pop() ?? socketPath;
  return { kind: 'socket', name: name ?? fileName, socketPath, displayUrl: `unix:${socketPath}` };
}

function toHttpSource(name: string | null, raw: string): HttpSource {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(KEY, `"${redactUserinfo(raw)}" is not a valid URL`);
  }
  const authorization = url.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : null;
  const displayUser = url.username;
  url.username = '';
  url.password = '';
  url.hash = '';
  const pagePath = url.pathname.replace(/;csv$/, '') || '/';
  const csvUrl = `${url.origin}${pagePath};csv${url.search}`;
  const infoParams = new URLSearchParams(url.search);
  infoParams.set('scope', INFO_ONLY_SCOPE);
  const infoUrl = `${url.origin}${pagePath}?${infoParams.toString()}`;
  const displayUrl = displayUser ? csvUrl.replace('://', `://${displayUser}:***@`) : csvUrl;
  return { kind: 'http', name: name ?? url.host, csvUrl, infoUrl, displayUrl, authorization };
}

/** Replaces `user:pass@` in any text with `user:***@`: for error messages that quote a URL. */
export function redactUserinfo(text: string): string {
  return text.replace(/(\w+:\/\/)([^/@\s:]+):[^/@\s]*@/g, '$1$2:***@');
}
