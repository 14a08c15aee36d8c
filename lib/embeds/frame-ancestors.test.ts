import { expect, test } from 'vitest';
import { embedCsp, frameAncestorSources } from './frame-ancestors';

test.each([
  [["'self'"], "'self'"],
  [["'self'", 'https://wiki.example.com'], "'self' https://wiki.example.com"],
  [['https://wiki.example.com/'], 'https://wiki.example.com'],
  [['https://*.example.com', 'http://127.0.0.2:18486'], 'https://*.example.com http://127.0.0.2:18486'],
  [['https:'], 'https:'],
  [['https://a.example.com; script-src *'], "'none'"],
  [['https://a.example.com/path', 'https://b.example.com'], 'https://b.example.com'],
  [[], "'none'"],
  [["'none'", 'https://a.example.com'], "'none'"],
])('%j → frame-ancestors %s', (origins, expected) => {
  expect(frameAncestorSources(origins).join(' ')).toBe(expected);
  expect(embedCsp(origins)).toBe(`frame-ancestors ${expected}`);
});
