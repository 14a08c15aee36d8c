import { expect, test } from 'vitest';
import { trustedProxies } from './client-address';
import { requestClient } from './client-service';

const parts = { access: { trusted: trustedProxies([{ address: '127.0.0.1', prefix: 32 }]) } };
const request = (headers: Record<string, string>) =>
  new Request('http://h/api/v1/alerts/stream', { headers });

test.each([
  [{}, null],
  [{ 'x-hapscope-peer': '10.0.0.7' }, '10.0.0.7'],
  [{ 'x-hapscope-peer': '10.0.0.7', 'x-forwarded-for': '192.0.2.1' }, '10.0.0.7'],
  [{ 'x-hapscope-peer': '127.0.0.1', 'x-forwarded-for': '192.0.2.1, 198.51.100.2' }, '198.51.100.2'],
  [{ 'x-hapscope-peer': '127.0.0.1' }, '127.0.0.1'],
])('%j is client %s', (headers, client) => {
  expect(requestClient(parts, request(headers))).toBe(client);
});
