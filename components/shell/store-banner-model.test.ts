import { expect, test } from 'vitest';
import { storeBannerLines } from './store-banner-model';

test.each<[string, string[] | null, string[]]>([
  ['health not answered yet', null, []],
  ['all well', [], []],
  [
    'only the store problems, Kubernetes and sign-in have their own banners',
    [
      'Kubernetes: forbidden: list nodes — pools and node placement are unknown until it answers',
      'History store /data/hapscope.db: the disk is full (SQLITE_FULL) since 2026-12-06T18:15:00Z — history is ' +
        'not recorded: 4 polls wait in memory, written once it recovers; free space on the disk that holds /data',
      'Sign-in (AUTH_MODE=oidc): the provider does not answer',
      'History store /data/hapscope.db was not a SQLite database: hapscope moved it aside to ' +
        '/data/hapscope.db.corrupt-20261206T181500Z',
    ],
    [
      '/data/hapscope.db: the disk is full (SQLITE_FULL) since 2026-12-06T18:15:00Z — history is not recorded: 4 ' +
        'polls wait in memory, written once it recovers; free space on the disk that holds /data',
      '/data/hapscope.db was not a SQLite database: hapscope moved it aside to ' +
        '/data/hapscope.db.corrupt-20261206T181500Z',
    ],
  ],
])('%s', (_name, problems, lines) => {
  expect(storeBannerLines(problems && { problems })).toEqual(lines);
});
