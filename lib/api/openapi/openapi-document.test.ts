import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildOpenApiDocument, openApiDocument } from './openapi-document';

const doc = buildOpenApiDocument();
type Param = { name: string; in: string; required?: boolean; schema?: { enum?: string[] } };
const params = (path: string, method = 'get') =>
  ((doc.paths?.[path] as Record<string, { parameters?: Param[] }>)[method]?.parameters ?? []).map(
    (p) => `${p.in}:${p.name}`,
  );

test('an OpenAPI 3.1 document lists every endpoint of the API', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
    '/api/v1/alerts',
    '/api/v1/alerts/stream',
    '/api/v1/alerts/{id}/ack',
    '/api/v1/alerts/{id}/history',
    '/api/v1/audit',
    '/api/v1/auth/oidc/callback',
    '/api/v1/auth/oidc/start',
    '/api/v1/auth/signin',
    '/api/v1/auth/signout',
    '/api/v1/backends/{instance}/{backend}/history',
    '/api/v1/badge/backend/{instance}/{backend}.svg',
    '/api/v1/badge/pool/{pool}.svg',
    '/api/v1/badge/server/{instance}/{backend}/{server}.svg',
    '/api/v1/badge/sparkline/server/{instance}/{backend}/{server}.svg',
    '/api/v1/badge/uptime/backend/{instance}/{backend}.svg',
    '/api/v1/badge/uptime/pool/{pool}.svg',
    '/api/v1/badge/uptime/server/{instance}/{backend}/{server}.svg',
    '/api/v1/embeds/settings',
    '/api/v1/events',
    '/api/v1/health',
    '/api/v1/me',
    '/api/v1/mutes',
    '/api/v1/mutes/{id}',
    '/api/v1/openapi.json',
    '/api/v1/pools',
    '/api/v1/pools/{pool}/latency',
    '/api/v1/routes',
    '/api/v1/servers/{instance}/{backend}/{server}/history',
    '/api/v1/shares',
    '/api/v1/shares/{id}',
    '/api/v1/snapshot',
    '/api/v1/snapshot/stream',
    '/api/v1/tokens',
    '/api/v1/tokens/{id}',
    '/api/v1/uptime',
    '/api/v1/users',
    '/api/v1/users/{name}',
    '/metrics',
  ]);
  expect(Object.keys(doc.paths?.['/api/v1/mutes'] ?? {}).sort()).toEqual(['get', 'post']);
});

test.each([
  [
    '/api/v1/uptime',
    [
      'query:range',
      'query:from',
      'query:to',
      'query:buckets',
      'query:instance',
      'query:backend',
      'query:pool',
    ],
  ],
  [
    '/api/v1/events',
    [
      'query:range',
      'query:from',
      'query:to',
      'query:limit',
      'query:instance',
      'query:backend',
      'query:server',
      'query:pool',
    ],
  ],
  ['/api/v1/pools/{pool}/latency', ['path:pool', 'query:range', 'query:from', 'query:to']],
  [
    '/api/v1/backends/{instance}/{backend}/history',
    ['path:instance', 'path:backend', 'query:range', 'query:from', 'query:to'],
  ],
  [
    '/api/v1/servers/{instance}/{backend}/{server}/history',
    [
      'path:instance',
      'path:backend',
      'path:server',
      'query:range',
      'query:from',
      'query:to',
      'query:buckets',
    ],
  ],
])('%s documents its parameters', (path, expected) => {
  expect(params(path)).toEqual(expected);
});

test('range= offers the one preset table', () => {
  const range = (doc.paths?.['/api/v1/uptime'] as { get: { parameters: Param[] } }).get.parameters[0]!;
  expect(range).toMatchObject({ name: 'range', schema: { enum: ['15m', '1h', '6h', '24h', '7d', '30d'] } });
});

test('the pool latency answer is described field by field', () => {
  const latency = doc.components?.schemas?.PoolLatency as { required: string[] };
  expect(latency.required).toEqual(['pool', 'from', 'to', 'resolution', 'bucketMs', 'points']);
});

test("a backend's history documents its traffic fields, with the rollups' maxima", () => {
  const sample = doc.components?.schemas?.BackendHistory as {
    properties: { samples: { items: { properties: Record<string, unknown>; required: string[] } } };
  };
  const items = sample.properties.samples.items;
  expect(items.required).toEqual([
    'at',
    'sessions',
    'sessionRate',
    'http5xxRate',
    'connectionErrorsRate',
    'responseErrorsRate',
    'responseMs',
    'totalMs',
    'bytesInRate',
    'bytesOutRate',
  ]);
  expect(Object.keys(items.properties)).toEqual(
    expect.arrayContaining(['http5xxRateMax', 'responseMaxMs', 'totalMaxMs', 'noDataSec']),
  );
});

test('the served document is built once', () => {
  expect(openApiDocument()).toBe(openApiDocument());
});

test('every route handler under app/ has its path in the document', () => {
  const root = path.resolve(__dirname, '../../..');
  const handlers = readdirSync(path.join(root, 'app'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('route.ts'))
    .map((file) => '/' + path.dirname(file).split(path.sep).join('/'))
    .map((route) => route.replace(/\[(?:\.\.\.)?(\w+)\]/g, '{$1}'));
  const documented = Object.keys(doc.paths ?? {});
  const missing = handlers.filter(
    (route) =>
      !documented.some((p) => p === route || (route.endsWith('{path}') && p.startsWith(route.slice(0, -6)))),
  );
  expect(handlers.length).toBeGreaterThan(15);
  expect(missing).toEqual([]);
});
