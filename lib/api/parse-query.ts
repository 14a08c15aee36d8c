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

/** An absent or empty body reads as `{}` when `optional`; text that is not JSON is refused as `body`. */
export async function parseJsonBody<S extends z.ZodType>(
  schema: S,
  request: Request,
  options: { optional?: boolean } = {},
): Promise<ParsedInput<z.output<S>>> {
  const text = await request.text().catch(() => '');
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
