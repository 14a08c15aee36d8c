import { describe, expect, test } from 'vitest';
import { shareAccessView, shareLinkKey, shareLinkRequest } from './share-link-model';
import type { ShareChoice } from './share-snippets';

const server: ShareChoice = {
  panel: 'server',
  target: { type: 'server', instance: 'main', backend: 'api', server: 'api1' },
  label: 'api1: status',
};

test('the request names the panel and the target as the embed URL does; a blank label is none', () => {
  expect(shareLinkRequest(server, ' team wiki ', 90)).toEqual({
    panel: 'server',
    target: 'main/api/api1',
    label: 'team wiki',
    expiresInDays: 90,
  });
  expect(shareLinkRequest({ ...server, panel: 'pool-matrix', target: { type: 'none' } }, '  ', null)).toEqual(
    {
      panel: 'pool-matrix',
      target: '*',
      label: null,
      expiresInDays: null,
    },
  );
});

test('a link minted for one choice is not another’s', () => {
  expect(shareLinkKey(server)).toBe('server main/api/api1');
  expect(shareLinkKey({ ...server, panel: 'latency' })).not.toBe(shareLinkKey(server));
});

describe('shareAccessView', () => {
  const base = { mode: 'local', isAdmin: false, publicEmbeds: false, minted: false } as const;
  test.each<[string, Partial<Parameters<typeof shareAccessView>[0]>, RegExp, boolean]>([
    ['a viewer: ask an admin', {}, /Only admins can create share links for wikis; ask one\./, false],
    [
      'an admin: may create one',
      { isAdmin: true },
      /work only for people signed in.*create a share link/,
      true,
    ],
    [
      'PUBLIC_EMBEDS: no token needed',
      { publicEmbeds: true },
      /PUBLIC_EMBEDS is on.*no token is needed/,
      false,
    ],
    [
      'PUBLIC_EMBEDS, an admin may still create one',
      { publicEmbeds: true, isAdmin: true },
      /no token is needed/,
      true,
    ],
    [
      'sign-in off: no token needed',
      { mode: 'none', isAdmin: true },
      /AUTH_MODE=none.*no token is needed/,
      false,
    ],
    ['minted: the token is shown once', { isAdmin: true, minted: true }, /not shown again/, false],
  ])('%s', (_name, input, note, canCreate) => {
    const view = shareAccessView({ ...base, ...input });
    expect(view.note).toMatch(note);
    expect(view.canCreate).toBe(canCreate);
  });
});
