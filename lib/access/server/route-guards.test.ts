/**
 * Access is decided in one place, and no route forgets to ask: every handler of every route.ts calls `authorize(`
 * (which also applies the same-origin rule to state changes), except the few that are open by the contract,
 * each listed here with the reason. A state-changing open handler must still pass `refuseCrossSite(`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const OPEN: Record<string, string> = {
  'api/v1/health/route.ts GET': 'liveness: always open (api-v1.md)',
  'api/v1/openapi.json/route.ts GET': 'the API description holds no data',
  'api/v1/auth/signin/route.ts POST': 'signing in is how an identity is had',
  'api/v1/auth/signout/route.ts POST': 'ends whatever session the cookie names, if any',
  'api/v1/auth/oidc/start/route.ts GET': 'sends the browser to the OpenID provider',
  'api/v1/auth/oidc/callback/route.ts GET': 'the OpenID provider sends the browser back here',
};

const HANDLER = /export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g;

/** Each handler of a route file, with its body up to the next handler. */
export function handlersOf(text: string): { method: string; body: string }[] {
  const starts = [...text.matchAll(HANDLER)];
  return starts.map((match, i) => ({
    method: match[1]!,
    body: text.slice(match.index, starts[i + 1]?.index ?? text.length),
  }));
}

/** What is wrong with one handler, or null. */
export function guardProblem(route: string, method: string, body: string): string | null {
  if (body.includes('authorize(')) return null;
  if (!(`${route} ${method}` in OPEN)) return `${route} ${method} does not call authorize(`;
  if (method !== 'GET' && !body.includes('refuseCrossSite('))
    return `${route} ${method} does not call refuseCrossSite(`;
  return null;
}

const app = path.resolve(__dirname, '../../../app');
const routes = readdirSync(app, { recursive: true, encoding: 'utf8' }).filter((file) =>
  file.endsWith('route.ts'),
);

test('every handler of every route asks authorize, or is open by the contract', () => {
  const problems = routes.flatMap((route) =>
    handlersOf(readFileSync(path.join(app, route), 'utf8')).map(({ method, body }) =>
      guardProblem(route.split(path.sep).join('/'), method, body),
    ),
  );
  expect(routes.length).toBeGreaterThan(20);
  expect(problems.filter(Boolean)).toEqual([]);
});

test('the check fails for a handler that forgets', () => {
  const text = `export function GET(req: Request) {\n  return Response.json(getEvents());\n}\n
export async function POST(request: Request) {\n  const a = authorize(getRuntime(), request, 'operator', Date.now());\n}\n`;
  const [get, post] = handlersOf(text);
  expect(guardProblem('api/v1/events/route.ts', get!.method, get!.body)).toBe(
    'api/v1/events/route.ts GET does not call authorize(',
  );
  expect(guardProblem('api/v1/mutes/route.ts', post!.method, post!.body)).toBeNull();
  expect(guardProblem('api/v1/auth/signin/route.ts', 'POST', 'return signIn(request)')).toBe(
    'api/v1/auth/signin/route.ts POST does not call refuseCrossSite(',
  );
});
