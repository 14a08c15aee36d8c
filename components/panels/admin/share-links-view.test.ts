import { expect, test } from 'vitest';
import { describeShareTarget, shareEmbedPath } from './share-links-view';

test.each([
  ['main/api/api1', 'server main/api/api1'],
  ['main/api', 'backend main/api'],
  ['pool:pool-a', 'pool pool-a'],
  ['*', 'every target'],
  ['odd', 'odd'],
])('%s reads %s', (target, expected) => {
  expect(describeShareTarget(target)).toBe(expected);
});

test.each<[string, string, string | null]>([
  ['server', 'main/api/api 1', '/embed/server?instance=main&backend=api&server=api+1'],
  ['uptime', 'pool:pool-a', '/embed/uptime?pool=pool-a'],
  ['errors', 'main/api', '/embed/errors?instance=main&backend=api'],
  ['pool-matrix', '*', '/embed/pool-matrix'],
  ['alerts', '*', '/embed/alerts'],
  ['server', '*', null],
  ['gauge', 'main/api', null],
  ['backend', 'odd', null],
])('the %s panel of %s opens %s', (panel, target, expected) => {
  expect(shareEmbedPath({ panel, target })).toBe(expected);
});
