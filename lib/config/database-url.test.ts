import { expect, test } from 'vitest';
import { parseDatabaseUrl, redactPassword } from './database-url';

test('a postgres URL: kept for the client, shown without its password', () => {
  expect(
    parseDatabaseUrl('postgres://hapscope:s%40cret@db.example.com:5432/hapscope?sslmode=require'),
  ).toEqual({
    url: 'postgres://hapscope:s%40cret@db.example.com:5432/hapscope?sslmode=require',
    display: 'postgres://hapscope:***@db.example.com:5432/hapscope?sslmode=require',
    password: 's@cret',
  });
  expect(parseDatabaseUrl('postgresql://db/hapscope')).toEqual({
    url: 'postgresql://db/hapscope',
    display: 'postgresql://db/hapscope',
    password: null,
  });
});

test.each([
  [
    'db.example.com/hapscope',
    'DATABASE_URL: must be a URL such as postgres://user:password@host:5432/hapscope, got "db.example.com/hapscope"',
  ],
  [
    'mysql://u:pw@db/hapscope',
    'DATABASE_URL: must start with postgres:// (such as postgres://user:password@host:5432/hapscope), got "mysql://u:***@db/hapscope"',
  ],
  [
    'postgres://u:pw@db.example.com',
    'DATABASE_URL: names no database (…/hapscope), got "postgres://u:***@db.example.com"',
  ],
  [
    'postgres://u:pw@:5432/x y',
    'DATABASE_URL: must be a URL such as postgres://user:password@host:5432/hapscope, got "postgres://u:***@:5432/x y"',
  ],
])('%j is refused, naming the key, without the password', (raw, message) => {
  expect(() => parseDatabaseUrl(raw)).toThrow(message);
  expect(() => parseDatabaseUrl(raw)).not.toThrow(/pw/);
});

test('redactPassword hides userinfo passwords in any text', () => {
  expect(redactPassword('connect to postgres://u:p4ss@h/db failed')).toBe(
    'connect to postgres://u:***@h/db failed',
  );
});
