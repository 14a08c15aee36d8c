/**
 * Route handlers' one way to read input: a zod schema for the query string or the JSON body. A failure is the
 * API's 400 `bad_parameter` whose message starts with the parameter's name (`range: must be one of …`).
 */
import type { z } from 'zod';
import { jsonError } from './errors';

export type ParsedInput<T> = { ok: true; value: T } | { ok: false; response: Response };

export function badParameter(message: string): { ok: false; response: Response } {
  return { ok: false, response: jsonError(400, 'bad_parameter', message) };
}

/** The first issue, named by its path (`target.pool: …`); `root` names the input when the path is empty. */
export function describeIssue(error: z.ZodError, root: string): string {
  const issue = error.issues[0];
  if (!issue) return `${root}: is invalid`;
  const where = issue.path.map(String).join('.') || root;
  return `${where}: ${issue.message}`;
}

/** Reads only the parameters the schema names (the first value of each); others are ignored. */
export function parseQuery<S extends z.ZodObject>(schema: S, url: string | URL): ParsedInput<z.output<S>> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const result = schema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : badParameter(describeIssue(result.error, 'query'));
}

/** Route segments (already decoded by Next), checked like a query. */
export function parseParams<S extends z.ZodObject>(schema: S, params: unknown): ParsedInput<z.output<S>> {
  const result = schema.safeParse(params);
  return result.success
    ? { ok: true, value: result.data }
    : badParameter(describeIssue(result.error, 'path'));
}

/** The most a request body may hold: the largest the API takes (a mute, a user) is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;
export const BODY_TOO_LARGE = `body: must be at most ${MAX_BODY_BYTES / 1024} KiB (${MAX_BODY_BYTES} bytes)`;

/**
 * An absent or empty body reads as `{}` when `optional`; text that is not JSON is refused as `body`, a body over
 * MAX_BODY_BYTES with 413 before more of it is read (server.mjs refuses it first; this is the second line).
 */
export async function parseJsonBody<S extends z.ZodType>(
  schema: S,
  request: Request,
  options: { optional?: boolean } = {},
): Promise<ParsedInput<z.output<S>>> {
  const text = await readBodyText(request, MAX_BODY_BYTES).catch(() => '');
  if (text === null) return { ok: false, response: jsonError(413, 'payload_too_large', BODY_TOO_LARGE) };
  let body: unknown = options.optional && text.trim() === '' ? {} : undefined;
  if (body === undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      return badParameter('body: must be a JSON object');
    }
  }
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, value: result.data }
    : badParameter(describeIssue(result.error, 'body'));
}

/** The body as text; null, having read no more than `limit` bytes of it, when it is larger. */
async function readBodyText(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}
