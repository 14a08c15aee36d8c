/**
 * DATABASE_URL: `postgres://user:pass@host:port/db` puts history, alerts and access in PostgreSQL; unset keeps
 * the embedded SQLite file under DATA_DIR. Pure. The password never leaves the server: `display` (for logs,
 * health, errors and /metrics) reads `user:***@`, and every message about the URL is built from it.
 */
import { ConfigError } from './config-error';

const KEY = 'DATABASE_URL';
const EXAMPLE = 'postgres://user:password@host:5432/hapscope';

export interface DatabaseUrl {
  /** What the PostgreSQL client connects with (holds the password). */
  url: string;
  /** Safe to show and log: the password replaced by `***`. */
  display: string;
  /** The password as written (decoded), so an error text that quotes it can be cleaned; null when none. */
  password: string | null;
}

export function parseDatabaseUrl(raw: string): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(KEY, `must be a URL such as ${EXAMPLE}, got "${redactPassword(raw)}"`);
  }
  const display = displayOf(url);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(KEY, `must start with postgres:// (such as ${EXAMPLE}), got "${display}"`);
  }
  if (!url.hostname) throw new ConfigError(KEY, `names no host, got "${display}"`);
  if (url.pathname.length <= 1)
    throw new ConfigError(KEY, `names no database (…/hapscope), got "${display}"`);
  return { url: raw, display, password: url.password ? decodeURIComponent(url.password) : null };
}

function displayOf(url: URL): string {
  if (!url.password) return url.href;
  return `${url.protocol}//${url.username}:***@${url.host}${url.pathname}${url.search}`;
}

/** Any `scheme://user:password@` in `text`, as `scheme://user:***@` (for a value that is not even a URL). */
export function redactPassword(text: string): string {
  return text.replace(/(\w+:\/\/)([^/@\s:]*):[^/@\s]*@/g, '$1$2:***@');
}
