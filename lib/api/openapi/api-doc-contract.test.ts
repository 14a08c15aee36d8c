import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fieldPaths, readContract } from './api-doc-contract';
import { checkContract } from './check-contract';
import { buildOpenApiDocument } from './openapi-document';

const CONTRACT = path.resolve(__dirname, '../../../../shared/reference/api-v1.md');
const present = existsSync(CONTRACT);
if (!present) console.warn(`api-v1 contract tests skipped: ${CONTRACT} is absent`);

describe('fieldPaths (pseudo-JSON of the contract)', () => {
  test.each([
    ['{ "ok": true, "problems": [] }', ['ok', 'problems']],
    ['{ "a": { "b": n | null, "c": "x" | "y" } }', ['a', 'a.b', 'a.c']],
    ['{ "list": [ { "x", "y": n } ], "z": ["1.2.3.4", …] }', ['list', 'list.x', 'list.y', 'z']],
    ['{ "s": "UP 1/3",   // HAProxy\'s "own" text\n "t": 1 }', ['s', 't']],
  ])('%s', (example, expected) => {
    expect(fieldPaths(example)).toEqual(expected);
  });
});

describe.skipIf(!present)('the contract in shared/reference/api-v1.md', () => {
  const sections = present ? readContract(readFileSync(CONTRACT, 'utf8')) : [];
  const all = sections.flatMap((s) => s.endpoints.map((e) => `${e.method} ${e.path}`));
  const fields = sections.flatMap((s) => s.fields);

  test('the extraction reads every endpoint and the fields of the examples', () => {
    expect(all).toEqual([
      'GET /api/v1/health',
      'GET /api/v1/snapshot',
      'GET /api/v1/pools',
      'GET /api/v1/servers/{instance}/{backend}/{server}/history',
      'GET /api/v1/uptime',
      'GET /api/v1/events',
      'GET /api/v1/alerts',
      'GET /api/v1/alerts/stream',
      'GET /embed/{panel}',
      'GET /api/v1/badge/…svg',
      'GET /metrics',
    ]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'pools.checkLatencyMs',
        'pools.checkLatencyMs.p95',
        'instances.lastPollAt',
        'events.durationSec',
        'alerts.resolvedAt',
        'backends.servers.check.durationMs',
        'samples.checkDurationMs',
        'problems',
      ]),
    );
    expect(sections.find((s) => s.endpoints[0]?.path === '/api/v1/events')?.endpoints[0]?.query).toEqual([
      'from',
      'to',
      'limit',
    ]);
  });

  test('the range presets named in headings are read', () => {
    const uptime = sections.flatMap((s) => s.endpoints).find((e) => e.path === '/api/v1/uptime');
    expect(uptime?.ranges).toEqual(['1h', '24h', '7d', '30d']);
  });

  test('every URL, query parameter, range preset and field it names is in the OpenAPI document', () => {
    expect(checkContract(sections, buildOpenApiDocument())).toEqual([]);
  });

  test('the checker reports a field deleted from a copy of the document', () => {
    const doc = structuredClone(buildOpenApiDocument());
    const pool = doc.components!.schemas!.Pool as { properties: Record<string, unknown> };
    delete pool.properties.checkLatencyMs;
    const paths = doc.paths as Record<
      string,
      { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }
    >;
    delete paths['/api/v1/events'];
    const range = paths['/api/v1/uptime']!.get.parameters.find((p) => p.name === 'range')!;
    range.schema.enum = ['1h', '24h'];
    expect(checkContract(sections, doc)).toEqual([
      'GET /api/v1/pools: field pools.checkLatencyMs is missing from the 200 response',
      'GET /api/v1/pools: field pools.checkLatencyMs.p50 is missing from the 200 response',
      'GET /api/v1/pools: field pools.checkLatencyMs.p95 is missing from the 200 response',
      'GET /api/v1/pools: field pools.checkLatencyMs.max is missing from the 200 response',
      'GET /api/v1/uptime: range=7d is not accepted',
      'GET /api/v1/uptime: range=30d is not accepted',
      'GET /api/v1/events is missing',
    ]);
  });
});
