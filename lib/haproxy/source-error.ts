import { StatsParseError } from './types';

export type SourceErrorKind =
  'unreachable' | 'timeout' | 'auth' | 'http' | 'not-csv' | 'truncated' | 'garbled' | 'socket';

/** A poll that failed, with a message meant for the operator (never holding credentials). */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Turns whatever a fetch, socket or parser threw into a SourceError with an operator's wording. */
export function toSourceError(error: unknown, timeoutMs: number): SourceError {
  if (error instanceof SourceError) return error;
  if (error instanceof StatsParseError) return new SourceError(error.kind, error.message);
  const err = error as {
    name?: string;
    message?: string;
    code?: string;
    cause?: { code?: string; message?: string };
  };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new SourceError('timeout', `timeout: no complete answer within ${timeoutMs} ms`);
  }
  const code = err?.cause?.code ?? err?.code;
  const detail = err?.cause?.message ?? err?.message ?? String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return new SourceError('unreachable', `unreachable: connection refused (${detail})`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SourceError('unreachable', `unreachable: host name not found (${detail})`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return new SourceError('unreachable', `unreachable: ${detail}`);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new SourceError(
        'truncated',
        `truncated: the connection closed before the whole answer (${detail})`,
      );
    default:
      return new SourceError('unreachable', `unreachable: ${detail}`);
  }
}

export function httpStatusError(status: number, statusText: string): SourceError {
  if (status === 401 || status === 403) {
    return new SourceError('auth', `HTTP ${status} ${statusText}: check the credentials in the source URL`);
  }
  return new SourceError('http', `HTTP ${status} ${statusText}`.trim());
}
