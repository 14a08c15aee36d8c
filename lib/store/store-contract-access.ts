/** The store contract (store-contract.ts): meta, users, sessions, API tokens, share links and the audit log. */
import { expect, test } from 'vitest';
import type { SessionRow } from './access-rows';
import type { Opened } from './store-contract';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;

const user = (name: string, role: 'viewer' | 'operator' | 'admin') => ({
  name,
  role,
  password_hash: `scrypt$${name}`,
  created_at: NOW,
  created_by: 'setup',
});

const session = (id: string, user_name: string, at: number): SessionRow => ({
  id,
  secret_hash: Buffer.from(`hash-of-${id}`),
  user_name,
  role: 'admin',
  via: 'local',
  created_at: at,
  last_seen_at: at,
  expires_at: at + 24 * HOUR,
});

export function accessContract({ fresh }: Opened): void {
  test('meta: unset is null; a value written is read back; ensureMeta keeps the first value', async () => {
    const { meta } = await fresh();
    expect(await meta.readMeta('colour')).toBeNull();
    await meta.writeMeta('colour', 'blue');
    await meta.writeMeta('colour', 'green');
    expect(await meta.readMeta('colour')).toBe('green');
    expect(await meta.ensureMeta('colour', 'red')).toBe('green');
    expect(await meta.ensureMeta('shape', 'round')).toBe('round');
    expect(await meta.ensureMeta('shape', 'square')).toBe('round');
  });

  test('users: a name is taken once; listed by name; a sign-in is remembered', async () => {
    const { access } = await fresh();
    expect(await access.countUsers()).toBe(0);
    expect(await access.insertUser(user('zoe', 'viewer'))).toBe(true);
    expect(await access.insertUser(user('ada', 'admin'))).toBe(true);
    expect(await access.insertUser({ ...user('ada', 'viewer'), password_hash: 'other' })).toBe(false);
    expect((await access.listUsers()).map((u) => [u.name, u.role])).toEqual([
      ['ada', 'admin'],
      ['zoe', 'viewer'],
    ]);
    expect(await access.countUsers()).toBe(2);
    await access.markSignIn('zoe', NOW + 5000);
    expect(await access.getUser('zoe')).toEqual({ ...user('zoe', 'viewer'), last_sign_in_at: NOW + 5000 });
    expect(await access.getUser('nobody')).toBeUndefined();
  });

  test('a change of role or password ends the sessions; the last admin is neither demoted nor removed', async () => {
    const { access } = await fresh();
    await access.insertUser(user('ada', 'admin'));
    await access.insertUser(user('bob', 'operator'));
    await access.insertSession(session('s-ada', 'ada', NOW));
    await access.insertSession(session('s-bob', 'bob', NOW));
    expect(await access.changeUser('ada', { role: 'viewer' })).toBe('last-admin');
    expect(await access.removeUser('ada')).toBe('last-admin');
    expect(await access.changeUser('nobody', { role: 'viewer' })).toBe('not-found');
    expect(await access.removeUser('nobody')).toBe('not-found');
    expect(await access.getSession('s-ada')).toBeDefined(); // a refusal changes nothing

    const promoted = await access.changeUser('bob', { role: 'admin', password_hash: 'scrypt$new' });
    expect(promoted).toMatchObject({ name: 'bob', role: 'admin', password_hash: 'scrypt$new' });
    expect(await access.getSession('s-bob')).toBeUndefined();
    expect(await access.changeUser('ada', { role: 'viewer' })).toMatchObject({ role: 'viewer' });
    expect(await access.getSession('s-ada')).toBeUndefined();
    expect(await access.removeUser('bob')).toBe('last-admin');
    expect(await access.removeUser('ada')).toBeNull();
    expect((await access.listUsers()).map((u) => u.name)).toEqual(['bob']);
  });

  test('sessions: read back as written; last use moves; pruned when expired or idle', async () => {
    const { access } = await fresh();
    await access.insertSession(session('old', 'ada', NOW - 30 * HOUR)); // expired at NOW - 6 h
    await access.insertSession(session('idle', 'ada', NOW - 3 * HOUR));
    await access.insertSession(session('busy', 'ada', NOW - 3 * HOUR));
    await access.touchSession('busy', NOW - 1000);
    const busy = await access.getSession('busy');
    expect(busy).toEqual({ ...session('busy', 'ada', NOW - 3 * HOUR), last_seen_at: NOW - 1000 });
    expect(Buffer.isBuffer(busy!.secret_hash)).toBe(true);
    expect(await access.pruneSessions(NOW, 2 * HOUR)).toBe(2);
    expect(await access.getSession('busy')).toBeDefined();
    await access.deleteSession('busy');
    expect(await access.getSession('busy')).toBeUndefined();
  });

  test('API tokens and share links: newest first, revoked once, last use kept', async () => {
    const { access } = await fresh();
    const token = (id: string, at: number) => ({
      id,
      secret_hash: Buffer.from(`secret-${id}`),
      name: `ci-${id}`,
      role: 'viewer' as const,
      created_at: at,
      created_by: 'ada',
      expires_at: at + HOUR,
    });
    await access.insertApiToken(token('t1', NOW));
    await access.insertApiToken(token('t2', NOW + 1000));
    expect((await access.listApiTokens()).map((t) => t.id)).toEqual(['t2', 't1']);
    expect(await access.revoke('api_tokens', 't1', 'ada', NOW + 2000)).toBe(true);
    expect(await access.revoke('api_tokens', 't1', 'bob', NOW + 3000)).toBe(false);
    await access.markUsed('api_tokens', 't2', NOW + 4000);
    expect(await access.getApiToken('t1')).toEqual({
      ...token('t1', NOW),
      revoked_at: NOW + 2000,
      revoked_by: 'ada',
      last_used_at: null,
    });
    expect((await access.getApiToken('t2'))?.last_used_at).toBe(NOW + 4000);

    const link = {
      id: 'l1',
      secret_hash: Buffer.from('secret-l1'),
      panel: 'uptime',
      target: 'eu/web',
      label: null,
      created_at: NOW,
      created_by: 'ada',
      expires_at: null,
    };
    await access.insertShareLink(link);
    expect(await access.listShareLinks()).toEqual([
      { ...link, revoked_at: null, revoked_by: null, last_used_at: null },
    ]);
    expect(await access.revoke('share_links', 'l1', 'ada', NOW + 1)).toBe(true);
    expect((await access.getShareLink('l1'))?.revoked_by).toBe('ada');
    expect(await access.getShareLink('nope')).toBeUndefined();
  });

  test('audit log: numbered in order, newest first, by target, before a number, at most limit', async () => {
    const { access } = await fresh();
    for (let i = 1; i <= 5; i++)
      await access.appendAudit({
        at: NOW + i,
        actor: 'ada',
        action: `action-${i}`,
        target: i % 2 ? 'user:bob' : null,
        detail: i === 1 ? '{"role":"viewer"}' : null,
      });
    const all = await access.listAudit({ limit: 10 });
    expect(all.map((row) => row.action)).toEqual([
      'action-5',
      'action-4',
      'action-3',
      'action-2',
      'action-1',
    ]);
    expect(all[4]).toEqual({
      seq: all[4]!.seq,
      at: NOW + 1,
      actor: 'ada',
      action: 'action-1',
      target: 'user:bob',
      detail: '{"role":"viewer"}',
    });
    expect(all.map((row) => row.seq)).toEqual([...all.map((row) => row.seq)].sort((a, b) => b - a));
    expect((await access.listAudit({ limit: 10, target: 'user:bob' })).map((r) => r.action)).toEqual([
      'action-5',
      'action-3',
      'action-1',
    ]);
    expect((await access.listAudit({ limit: 2, before: all[1]!.seq })).map((r) => r.action)).toEqual([
      'action-3',
      'action-2',
    ]);
  });
}
