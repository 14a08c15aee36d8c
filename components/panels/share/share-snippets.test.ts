import { describe, expect, test } from 'vitest';
import {
  badgePath,
  embedUrl,
  htmlBadge,
  iframeSnippet,
  markdownBadge,
  resizeSnippet,
  type ShareChoice,
  type ShareOptions,
} from './share-snippets';

const ORIGIN = 'https://hapscope.example.com';
const defaults: ShareOptions = {
  theme: 'auto',
  range: '24h',
  title: true,
  legend: true,
  transparent: false,
  height: 240,
};
const backend: ShareChoice = {
  panel: 'backend',
  target: { type: 'backend', instance: 'demo', backend: 'codeserver_backend' },
  label: 'codeserver_backend',
};
const server = (panel: ShareChoice['panel']): ShareChoice => ({
  panel,
  target: { type: 'server', instance: 'demo', backend: 'api_backend', server: 'api 1' },
  label: 'api 1',
});

describe('embedUrl', () => {
  test('a live panel leaves out range and legend; options that differ from defaults are written', () => {
    expect(embedUrl(ORIGIN, backend, defaults)).toBe(
      `${ORIGIN}/embed/backend?instance=demo&backend=codeserver_backend`,
    );
    expect(
      embedUrl(ORIGIN, backend, {
        ...defaults,
        theme: 'dark',
        title: false,
        legend: false,
        transparent: true,
      }),
    ).toBe(
      `${ORIGIN}/embed/backend?instance=demo&backend=codeserver_backend&theme=dark&title=0&bg=transparent`,
    );
  });

  test('a chart takes the range and the legend', () => {
    expect(embedUrl(ORIGIN, server('latency'), { ...defaults, legend: false })).toBe(
      `${ORIGIN}/embed/latency?instance=demo&backend=api_backend&server=api+1&range=24h&legend=0`,
    );
  });

  test("the response-time and errors charts of a server or of a backend's own row", () => {
    expect(embedUrl(ORIGIN, server('response-time'), { ...defaults, range: '6h' })).toBe(
      `${ORIGIN}/embed/response-time?instance=demo&backend=api_backend&server=api+1&range=6h`,
    );
    expect(embedUrl(ORIGIN, { ...backend, panel: 'errors' }, { ...defaults, range: '1h' })).toBe(
      `${ORIGIN}/embed/errors?instance=demo&backend=codeserver_backend`,
    );
  });
});

test('the iframe snippet escapes its attributes and is sandboxed', () => {
  const snippet = iframeSnippet('https://h/embed/backend?instance=a&backend=b"x', 'b"x', 212.4);
  expect(snippet).toContain('src="https://h/embed/backend?instance=a&amp;backend=b&quot;x"');
  expect(snippet).toContain('title="hapscope: b&quot;x"');
  expect(snippet).toContain('height="212"');
  expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-popups');
});

test('the resize snippet only trusts messages from hapscope', () => {
  const snippet = resizeSnippet(ORIGIN);
  expect(snippet).toContain(`e.origin!=="${ORIGIN}"`);
  expect(snippet).toContain("d.type!=='hapscope:height'");
  expect(snippet.split('\n')).toHaveLength(1);
});

describe('badgePath', () => {
  test.each<[ShareChoice, string, string | null]>([
    [backend, '24h', '/api/v1/badge/backend/demo/codeserver_backend.svg'],
    [server('server'), '24h', '/api/v1/badge/server/demo/api_backend/api%201.svg'],
    [server('uptime'), '24h', '/api/v1/badge/uptime/server/demo/api_backend/api%201.svg'],
    [server('uptime'), '7d', '/api/v1/badge/uptime/server/demo/api_backend/api%201.svg?range=7d'],
    [server('latency'), '1h', '/api/v1/badge/sparkline/server/demo/api_backend/api%201.svg'],
    [
      server('session-rate'),
      '6h',
      '/api/v1/badge/sparkline/server/demo/api_backend/api%201.svg?metric=rate&range=6h',
    ],
    [server('queue'), '1h', '/api/v1/badge/server/demo/api_backend/api%201.svg'],
    [server('errors'), '1h', '/api/v1/badge/server/demo/api_backend/api%201.svg'],
    [{ ...backend, panel: 'response-time' }, '24h', '/api/v1/badge/backend/demo/codeserver_backend.svg'],
    [{ panel: 'pool', target: { type: 'pool', pool: 'eu' }, label: 'eu' }, '1h', '/api/v1/badge/pool/eu.svg'],
    [{ panel: 'alerts', target: { type: 'none' }, label: 'alerts' }, '1h', null],
  ])('%j over %s → %s', (choice, range, expected) => {
    expect(badgePath(choice, range as ShareOptions['range'])).toBe(expected);
  });
});

test('badge snippets in Markdown and HTML', () => {
  expect(markdownBadge('https://h/b.svg', 'a [b]', 'https://h/')).toBe(
    '[![a b](https://h/b.svg)](https://h/)',
  );
  expect(htmlBadge('https://h/b.svg?x=1&y=2', 'a"b', 'https://h/')).toBe(
    '<a href="https://h/"><img src="https://h/b.svg?x=1&amp;y=2" alt="a&quot;b"></a>',
  );
});

describe('with a share link’s token', () => {
  const TOKEN = 'hss_0123456789abcdef_' + 'a'.repeat(43);
  test('the embed URL carries it last', () => {
    expect(embedUrl(ORIGIN, server('server'), defaults, TOKEN)).toBe(
      `${ORIGIN}/embed/server?instance=demo&backend=api_backend&server=api+1&token=${TOKEN}`,
    );
  });
  test.each<[ShareChoice, string, string | null]>([
    [server('server'), '24h', `/api/v1/badge/server/demo/api_backend/api%201.svg?token=${TOKEN}`],
    [
      server('uptime'),
      '7d',
      `/api/v1/badge/uptime/server/demo/api_backend/api%201.svg?range=7d&token=${TOKEN}`,
    ],
    [{ panel: 'alerts', target: { type: 'none' }, label: 'alerts' }, '1h', null],
  ])('the badge %j over %s → %s', (choice, range, expected) => {
    expect(badgePath(choice, range as ShareOptions['range'], TOKEN)).toBe(expected);
  });
});
