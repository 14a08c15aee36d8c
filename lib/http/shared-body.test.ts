import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { acceptsGzip, matchesEtag, respondShared, ROUTE_ENCODING_HEADER, SharedBodies } from './shared-body';

const big = JSON.stringify({
  servers: Array.from({ length: 500 }, (_, i) => ({ name: `web-${i}`, up: true })),
});
const get = (headers: Record<string, string> = {}) => new Request('http://h/x', { headers });

test('a body is built once per key and version, and again when the version moves on', () => {
  const bodies = new SharedBodies();
  let builds = 0;
  const build = () => `{"n":${++builds}}`;
  const a = bodies.get('all', 1, build);
  expect(bodies.get('all', 1, build)).toBe(a);
  expect(builds).toBe(1);
  const b = bodies.get('all', 2, build);
  expect(b.raw.toString()).toBe('{"n":2}');
  expect(b.etag).not.toBe(a.etag);
  expect(bodies.get('share:x', 2, build).etag).not.toBe(b.etag); // another key, another tag at the same version
});

test('a body read asynchronously is read once for the requests that come while it is read; a failure is not kept', async () => {
  const bodies = new SharedBodies();
  let reads = 0;
  const read = async () => `{"n":${++reads}}`;
  const [a, b] = await Promise.all([bodies.getAsync('all', 1, read), bodies.getAsync('all', 1, read)]);
  expect(b).toBe(a);
  expect(await bodies.getAsync('all', 1, read)).toBe(a);
  expect(reads).toBe(1);
  const failing = async (): Promise<string> => {
    throw new Error('store down');
  };
  await expect(bodies.getAsync('all', 2, failing)).rejects.toThrow('store down');
  expect((await bodies.getAsync('all', 2, read)).raw.toString()).toBe('{"n":2}');
});

test('an older version read after a newer one answers its own requests without replacing the newer', async () => {
  const bodies = new SharedBodies();
  let finish: (json: string) => void = () => {};
  const older = bodies.getAsync('all', 1, () => new Promise<string>((resolve) => (finish = resolve)));
  const newer = await bodies.getAsync('all', 2, async () => '{"v":2}');
  finish('{"v":1}');
  expect((await older).raw.toString()).toBe('{"v":1}');
  expect(bodies.get('all', 2, () => 'rebuilt')).toBe(newer);
});

test('past its bound the memo starts again instead of growing', () => {
  const bodies = new SharedBodies(2);
  let builds = 0;
  const build = () => `${++builds}`;
  bodies.get('a', 1, build);
  bodies.get('b', 1, build);
  bodies.get('c', 1, build); // clears a and b
  bodies.get('a', 1, build);
  expect(builds).toBe(4);
});

test('gzip for a client that takes it, identity otherwise; the same bytes either way', async () => {
  const body = new SharedBodies().get('k', 1, () => big);
  const zipped = await respondShared(get({ 'accept-encoding': 'gzip, deflate, br' }), body);
  expect(zipped.headers.get(ROUTE_ENCODING_HEADER)).toBe('gzip'); // server.mjs makes it Content-Encoding
  expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
  const bytes = Buffer.from(await zipped.arrayBuffer());
  expect(Number(zipped.headers.get('content-length'))).toBe(bytes.length);
  expect(bytes.length).toBeLessThan(big.length / 5);
  expect(gunzipSync(bytes).toString()).toBe(big);
  const plain = await respondShared(get(), body);
  expect(plain.headers.get(ROUTE_ENCODING_HEADER)).toBeNull();
  expect(await plain.text()).toBe(big);
  expect(await body.gzip()).toBe(await body.gzip()); // compressed once
});

test('a small body is not compressed', async () => {
  const res = await respondShared(
    get({ 'accept-encoding': 'gzip' }),
    new SharedBodies().get('k', 1, () => '{}'),
  );
  expect(res.headers.get(ROUTE_ENCODING_HEADER)).toBeNull();
  expect(await res.text()).toBe('{}');
});

test('304 with no body to a request that names the tag; extra headers on both answers', async () => {
  const body = new SharedBodies().get('k', 7, () => big);
  const res = await respondShared(get({ 'if-none-match': `"other", ${body.etag}` }), body, { 'x-a': '1' });
  expect(res.status).toBe(304);
  expect(await res.text()).toBe('');
  expect(res.headers.get('etag')).toBe(body.etag);
  expect(res.headers.get('x-a')).toBe('1');
  expect(res.headers.get('cache-control')).toBe('private, no-cache');
});

test.each([
  [null, false],
  ['*', true],
  ['W/"a.1.x"', true],
  ['"a.1.x"', true], // weak comparison
  ['"a.1.y", W/"a.1.x"', true],
  ['W/"a.2.x"', false],
])('If-None-Match %s against W/"a.1.x": %s', (header, expected) => {
  expect(matchesEtag(header, 'W/"a.1.x"')).toBe(expected);
});

test.each([
  [null, false],
  ['', false],
  ['gzip', true],
  ['GZIP;q=0.5', true],
  ['gzip;q=0', false],
  ['deflate, br', false],
  ['*', true],
  ['*;q=0', false],
  ['br, gzip;q=0, *', false], // gzip refused by name wins over the wildcard
  ['x-gzip', true],
])('Accept-Encoding %s takes gzip: %s', (header, expected) => {
  expect(acceptsGzip(header)).toBe(expected);
});
