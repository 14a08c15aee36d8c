import { describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES, parseJsonBody, parseQuery } from './parse-query';
import { parseRangedQuery } from './parse-ranged-query';
import { MuteRequestSchema, toMuteRequest } from './schemas/alert-requests';
import { EventsQuery } from './schemas/events';
import { UptimeQuery } from './schemas/uptime';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const url = (query: string) => `http://h/api/v1/events?${query}`;

async function errorOf(response: Response) {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('query parameters', () => {
  test.each([
    ['range=2h', 'range: must be one of 15m, 1h, 6h, 24h, 7d, 30d'],
    ['from=yesterday', 'from: must be an ISO-8601 time or epoch milliseconds'],
    ['limit=0', 'limit: must be between 1 and 1000'],
    ['limit=ten', 'limit: must be a whole number'],
    ['limit=2.5', 'limit: must be a whole number'],
    ['pool=', 'pool: must not be empty'],
    ['range=1h&from=2025-06-01T10:00:00Z', 'range: use either range or from/to, not both'],
    ['to=2025-06-02T12:00:00Z', 'to: must not be in the future'],
    ['from=2025-06-01T11:00:00Z&to=2025-06-01T10:00:00Z', 'from: must be before to'],
  ])('%s → 400 "%s"', async (query, message) => {
    const parsed = parseRangedQuery(EventsQuery, url(query), NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(await errorOf(parsed.response)).toEqual({ code: 'bad_parameter', message });
  });

  test.each(['15m', '1h', '6h', '24h', '7d', '30d'])('range=%s is accepted', (range) => {
    const parsed = parseRangedQuery(UptimeQuery, url(`range=${range}`), NOW);
    expect(parsed).toMatchObject({ ok: true, value: { range: { to: NOW, label: range } } });
  });

  test('defaults, filters and times come out typed', () => {
    const parsed = parseRangedQuery(EventsQuery, url(`from=${NOW - 3_600_000}&pool=eu&backend=web`), NOW);
    expect(parsed).toEqual({
      ok: true,
      value: {
        query: { from: NOW - 3_600_000, limit: 100, pool: 'eu', backend: 'web' },
        range: { from: NOW - 3_600_000, to: NOW, label: null },
      },
    });
  });

  test('parameters the schema does not name are ignored', () => {
    expect(parseQuery(EventsQuery, url('colour=blue'))).toEqual({ ok: true, value: { limit: 100 } });
  });
});

describe('JSON bodies', () => {
  const post = (body: string) => new Request('http://h/api/v1/mutes', { method: 'POST', body });

  test.each([
    ['not json', 'body: must be a JSON object'],
    ['[]', 'body: must be a JSON object'],
    ['{"durationMinutes": 5}', 'target: must be an object'],
    ['{"target": {}, "durationMinutes": 5}', 'target: name at least one of instance, backend, server, pool'],
    ['{"target": {"pool": ""}, "durationMinutes": 5}', 'target.pool: must be a non-empty string'],
    ['{"target": {"pool": 3}, "durationMinutes": 5}', 'target.pool: must be a non-empty string'],
    [
      '{"target": {"pool": "eu"}, "durationMinutes": 0}',
      'durationMinutes: must be a whole number from 1 to 43200',
    ],
    ['{"target": {"pool": "eu"}}', 'durationMinutes: must be a whole number from 1 to 43200'],
  ])('mute %s → 400 "%s"', async (body, message) => {
    const parsed = await parseJsonBody(MuteRequestSchema, post(body));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect((await errorOf(parsed.response)).message).toBe(message);
  });

  test('a valid mute becomes a target, a duration and a trimmed reason', async () => {
    const parsed = await parseJsonBody(
      MuteRequestSchema,
      post('{"target": {"backend": "web", "server": null}, "durationMinutes": 90, "reason": "  deploy "}'),
    );
    expect(parsed.ok && toMuteRequest(parsed.value)).toEqual({
      target: { instance: null, backend: 'web', server: null, pool: null },
      durationMs: 5_400_000,
      reason: 'deploy',
    });
  });
});

describe('body size', () => {
  const muteOfSize = (bytes: number) => {
    const start = '{"target": {"pool": "eu"}, "durationMinutes": 5, "reason": "';
    return `${start}${'x'.repeat(bytes - start.length - 2)}"}`;
  };
  /** A body sent in pieces with no Content-Length, as a chunked upload arrives; counts the pieces read. */
  const streamed = (piece: Uint8Array, pieces: number, headers: Record<string, string> = {}) => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (sent === pieces) return controller.close();
          sent += 1;
          controller.enqueue(piece);
        },
      },
      { highWaterMark: 0 }, // a piece only when one is read
    );
    const init = { method: 'POST', body, headers, duplex: 'half' } as RequestInit;
    return { request: new Request('http://h/api/v1/mutes', init), sent: () => sent };
  };
  const tooLarge = {
    code: 'payload_too_large',
    message: 'body: must be at most 64 KiB (65536 bytes)',
  };

  test('a body of exactly 64 KiB is read; one byte more is refused with 413', async () => {
    const post = (body: string) => new Request('http://h/api/v1/mutes', { method: 'POST', body });
    expect(MAX_BODY_BYTES).toBe(65_536);
    const fits = await parseJsonBody(MuteRequestSchema, post(muteOfSize(65_536)));
    expect(fits.ok && fits.value.reason?.length).toBe(65_474);
    const over = await parseJsonBody(MuteRequestSchema, post(muteOfSize(65_537)));
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(over.response.status).toBe(413);
    expect(await over.response.json()).toEqual({ error: tooLarge });
  });

  test('multi-byte text counts in bytes, not characters', async () => {
    const reason = 'é'.repeat(40_000); // 80,000 bytes in UTF-8
    const body = JSON.stringify({ target: { pool: 'eu' }, durationMinutes: 5, reason });
    const parsed = await parseJsonBody(
      MuteRequestSchema,
      new Request('http://h/x', { method: 'POST', body }),
    );
    expect(!parsed.ok && parsed.response.status).toBe(413);
  });

  test('a declared Content-Length over the limit is refused before the body is read', async () => {
    const { request, sent } = streamed(new Uint8Array(1024), 2, { 'content-length': String(1024 * 1024) });
    const parsed = await parseJsonBody(MuteRequestSchema, request);
    expect(!parsed.ok && parsed.response.status).toBe(413);
    expect(sent()).toBe(0);
  });

  test('a body without a length stops being read once it passes the limit', async () => {
    const { request, sent } = streamed(new Uint8Array(16 * 1024).fill(0x20), 1024); // 16 MiB offered
    const parsed = await parseJsonBody(MuteRequestSchema, request);
    expect(!parsed.ok && parsed.response.status).toBe(413);
    expect(sent()).toBe(5); // 5 pieces of 16 KiB pass 64 KiB
  });
});

// The time rules of every ranged endpoint, on query text (they were parseTimeRange's before the schemas).
describe('time ranges', () => {
  const H = 3_600_000;
  const rangeOf = (query: string) => {
    const parsed = parseRangedQuery(EventsQuery, url(query), NOW);
    return parsed.ok ? parsed.value.range : null;
  };

  test.each([
    ['', NOW - 24 * H, '24h'],
    ['range=15m', NOW - H / 4, '15m'],
    ['range=1h', NOW - H, '1h'],
    ['range=6h', NOW - 6 * H, '6h'],
    ['range=7d', NOW - 7 * 24 * H, '7d'],
    ['range=30d', NOW - 30 * 24 * H, '30d'],
  ])('"%s" runs from %d to now', (query, from, label) => {
    expect(rangeOf(query)).toEqual({ from, to: NOW, label });
  });

  test('from/to as ISO or epoch ms; from alone runs to now', () => {
    expect(rangeOf(`from=2025-06-01T10:00:00Z&to=${NOW - H}`)).toEqual({
      from: NOW - 2 * H,
      to: NOW - H,
      label: null,
    });
    expect(rangeOf('from=2025-06-01T11:00:00.000Z')).toEqual({ from: NOW - H, to: NOW, label: null });
  });

  test.each([
    ['to=2025-13-45T99:00:00Z', 'to: must be an ISO-8601 time or epoch milliseconds'],
    ['from=2020-01-01T00:00:00Z', 'from: the range may span at most 366 days'],
    ['limit=5000', 'limit: must be between 1 and 1000'],
    ['limit=-1', 'limit: '],
  ])('%s → 400 "%s"', async (query, message) => {
    const parsed = parseRangedQuery(EventsQuery, url(query), NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect((await errorOf(parsed.response)).message.startsWith(message)).toBe(true);
  });
});
