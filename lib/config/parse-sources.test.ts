import { describe, expect, test } from 'vitest';
import { ConfigError } from './config-error';
import { parseSources, redactUserinfo } from './parse-sources';

describe('parseSources', () => {
  test('an http source without a name is named host:port and gets ;csv', () => {
    const [source] = parseSources('http://127.0.0.1:8404/stats');
    expect(source).toMatchObject({
      kind: 'http',
      name: '127.0.0.1:8404',
      csvUrl: 'http://127.0.0.1:8404/stats;csv',
      displayUrl: 'http://127.0.0.1:8404/stats;csv',
      authorization: null,
    });
  });

  test(';csv is not appended twice', () => {
    expect(parseSources('http://h:1/stats;csv')[0]).toMatchObject({ csvUrl: 'http://h:1/stats;csv' });
  });

  test('credentials move to a Basic header and are redacted in the display URL', () => {
    const [source] = parseSources('main=https://admin:s%40cret@lb.example.com:8443/haproxy?stats');
    expect(source).toMatchObject({
      kind: 'http',
      name: 'main',
      csvUrl: 'https://lb.example.com:8443/haproxy;csv?stats',
      displayUrl: 'https://admin:***@lb.example.com:8443/haproxy;csv?stats',
      authorization: `Basic ${Buffer.from('admin:s@cret').toString('base64')}`,
    });
    expect(JSON.stringify({ ...source, authorization: undefined })).not.toContain('cret');
  });

  test('the process-information URL asks the HTML page for no proxy at all', () => {
    const [source] = parseSources('http://h:1/stats');
    expect(source).toMatchObject({ infoUrl: 'http://h:1/stats?scope=%7Ehapscope-info%7E' });
  });

  test('unix sockets are named after the socket file', () => {
    expect(parseSources('unix:/run/haproxy/admin.sock')).toEqual([
      {
        kind: 'socket',
        name: 'admin.sock',
        socketPath: '/run/haproxy/admin.sock',
        displayUrl: 'unix:/run/haproxy/admin.sock',
      },
    ]);
  });

  test('several named sources, spaces tolerated', () => {
    const sources = parseSources(' eu=http://a:1/stats , us=unix:/run/us.sock ,');
    expect(sources.map((s) => [s.name, s.kind])).toEqual([
      ['eu', 'http'],
      ['us', 'socket'],
    ]);
  });

  test.each([
    ['', 'no source given'],
    ['ftp://h/stats', 'neither an http(s):// URL nor unix:/path'],
    ['unix:relative.sock', 'must be absolute'],
    ['a=http://h:1/x,a=http://h:2/x', 'two sources are named "a"'],
    ['http://h:1/x,http://h:1/x', 'two sources are named "h:1"'],
    ['bad name=http://h/x', 'may hold only'],
    ['http://[nope/stats', 'not a valid URL'],
  ])('%j is rejected: %s', (value, reason) => {
    expect(() => parseSources(value)).toThrow(ConfigError);
    expect(() => parseSources(value)).toThrow(reason);
    try {
      parseSources(value);
    } catch (error) {
      expect((error as ConfigError).key).toBe('HAPROXY_STATS_URL');
    }
  });

  test('an invalid URL with credentials does not echo the password', () => {
    expect(() => parseSources('http://u:hunter2@[bad/stats')).toThrow(/u:\*\*\*@/);
    expect(() => parseSources('http://u:hunter2@[bad/stats')).not.toThrow(/hunter2/);
  });
});

test.each([
  ['fetch http://u:p@h/x failed', 'fetch http://u:***@h/x failed'],
  ['https://admin:a%20b@h:1 and http://x:y@z', 'https://admin:***@h:1 and http://x:***@z'],
  ['no url here', 'no url here'],
])('redactUserinfo(%j)', (input, output) => {
  expect(redactUserinfo(input)).toBe(output);
});
