import { describe, expect, test } from 'vitest';
import { crossSiteWriteRefusal, refuseCrossSite } from './same-origin';

const OWN = 'http://hapscope.example:3000';
const request = (method: string, headers: Record<string, string>) => ({
  method,
  headers: new Headers(headers),
});

test.each<[string, string, Record<string, string>, boolean]>([
  // what, method, headers → allowed
  ['a read, from anywhere', 'GET', { origin: 'https://wiki.example' }, true],
  [
    'the dashboard itself: same-origin JSON',
    'POST',
    { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    true,
  ],
  [
    'same Origin header, JSON with a charset',
    'POST',
    { origin: OWN, 'content-type': 'application/json; charset=utf-8' },
    true,
  ],
  [
    'DELETE from the dashboard',
    'DELETE',
    { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    true,
  ],
  [
    'a script with a bearer token',
    'POST',
    { authorization: 'Bearer abc123', 'content-type': 'text/plain' },
    true,
  ],
  // what a page on another origin can send without a preflight
  [
    'fetch no-cors text/plain from a wiki',
    'POST',
    { origin: 'https://wiki.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
    false,
  ],
  [
    'a text/plain form from a wiki',
    'POST',
    { origin: 'https://wiki.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
    false,
  ],
  [
    'a urlencoded form from a wiki',
    'POST',
    { origin: 'https://wiki.example', 'content-type': 'application/x-www-form-urlencoded' },
    false,
  ],
  [
    'a sibling subdomain is another site',
    'POST',
    {
      origin: 'http://evil.hapscope.example:3000',
      'sec-fetch-site': 'same-site',
      'content-type': 'application/json',
    },
    false,
  ],
  [
    'same origin but not JSON',
    'POST',
    { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' },
    false,
  ],
  ['same origin, no content type', 'DELETE', { origin: OWN }, false],
  ['no Origin, no Sec-Fetch-Site, no token (curl)', 'POST', { 'content-type': 'application/json' }, false],
  ['an empty bearer', 'POST', { authorization: 'Bearer ', 'content-type': 'application/json' }, false],
])('%s', (_, method, headers, allowed) => {
  const refusal = crossSiteWriteRefusal(request(method, headers), OWN);
  if (allowed) expect(refusal).toBeNull();
  else expect(refusal).toMatch(/cross-site request refused|must be Content-Type: application\/json/);
});

test('the message says what to send', () => {
  expect(crossSiteWriteRefusal(request('POST', { 'content-type': 'application/json' }), OWN)).toBe(
    'cross-site request refused: send Origin: http://hapscope.example:3000 (or use an API token)',
  );
  expect(crossSiteWriteRefusal(request('POST', { origin: 'https://wiki.example' }), OWN)).toBe(
    'cross-site request refused: Origin https://wiki.example is not http://hapscope.example:3000',
  );
});

describe('refuseCrossSite', () => {
  test('own origin: PUBLIC_URL when set, else the Host the request was sent to', async () => {
    const post = (headers: Record<string, string>) =>
      new Request('http://localhost:3000/api/v1/mutes', { method: 'POST', headers });
    const json = { 'content-type': 'application/json' };
    expect(
      refuseCrossSite(post({ ...json, host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), null),
    ).toBeNull();
    const behindProxy = post({ ...json, host: '10.0.0.5:3000', origin: 'https://hapscope.example.com' });
    expect(refuseCrossSite(behindProxy, 'https://hapscope.example.com')).toBeNull();
    const refused = refuseCrossSite(behindProxy, null)!;
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: 'forbidden',
        message:
          'cross-site request refused: Origin https://hapscope.example.com is not http://10.0.0.5:3000',
      },
    });
  });
});
