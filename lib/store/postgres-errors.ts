/**
 * Which errors are the PostgreSQL store's trouble rather than a bug: the server cannot be reached or refuses
 * hapscope, is out of space, read-only, or a lock could not be had. A StoreError in words (postgres-fault.ts), its
 * detail cleaned of the password whatever the error quoted.
 */
import { isStoreError, StoreError, type StoreFaultKind } from '@/lib/problems/store-fault';

/** SQLSTATE classes and codes (PostgreSQL's appendix A), and the system's errno, by kind. */
const KIND_BY_CODE: [prefix: string, kind: StoreFaultKind][] = [
  ['08', 'unreachable'], // connection exception
  ['57P01', 'unreachable'], // admin shutdown
  ['57P02', 'unreachable'], // crash shutdown
  ['57P03', 'unreachable'], // cannot connect now (starting up, shutting down)
  ['53300', 'unreachable'], // too many connections
  ['28', 'refused'], // invalid authorization (password, pg_hba.conf)
  ['3D000', 'refused'], // the database does not exist
  ['42501', 'refused'], // insufficient privilege
  ['53100', 'disk-full'],
  ['53', 'disk-full'], // insufficient resources (memory, files)
  ['25006', 'read-only'], // read-only transaction: a standby
  ['55P03', 'locked'],
  ['40P01', 'locked'],
  ['58', 'io'], // system error (I/O)
  ['XX001', 'io'], // data corrupted
  ['XX002', 'io'],
  ['ECONNREFUSED', 'unreachable'],
  ['ECONNRESET', 'unreachable'],
  ['ETIMEDOUT', 'unreachable'],
  ['EHOSTUNREACH', 'unreachable'],
  ['ENETUNREACH', 'unreachable'],
  ['ENOTFOUND', 'unreachable'],
  ['EAI_AGAIN', 'unreachable'],
  ['EPIPE', 'unreachable'],
  ['ENOENT', 'unreachable'], // a Unix socket that is not there
];

/** node-postgres says a connection ended or timed out in words only, without a code. */
const LOST_CONNECTION =
  /^(Connection terminated|timeout expired|Query read timeout|Client has encountered a connection error)/;

function kindOf(code: string): StoreFaultKind | null {
  for (const [prefix, kind] of KIND_BY_CODE) if (code.startsWith(prefix)) return kind;
  return null;
}

/** The error's code: its own, or (Node's AggregateError of several addresses tried) its first part's. */
function codeOf(error: unknown): string | null {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const inner = (error as { errors?: unknown[] } | null)?.errors?.[0];
  const code = (inner as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

/** A StoreError for `where` (the URL without its password), or null for an error that is not the store's. */
export function toPostgresStoreError(
  error: unknown,
  where: string,
  password: string | null,
): StoreError | null {
  if (isStoreError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  let code = codeOf(error);
  let kind = code === null ? null : kindOf(code);
  if (kind === null && LOST_CONNECTION.test(message)) [code, kind] = ['08006', 'unreachable'];
  if (kind === null || code === null) return null;
  return new StoreError({ kind, code, detail: clean(message || code, password) }, where);
}

/** The message without the password, however it was quoted. */
export function clean(text: string, password: string | null): string {
  if (!password) return text;
  const forms = new Set([password, encodeURIComponent(password)]);
  let out = text;
  for (const form of forms) out = out.split(form).join('***');
  return out;
}
