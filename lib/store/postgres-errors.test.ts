import { expect, test } from 'vitest';
import { storeFaultMessage } from '@/lib/problems/store-fault';
import { toPostgresStoreError } from './postgres-errors';

const WHERE = 'postgres://hapscope:***@db:5432/hapscope';
const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

test.each([
  [coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'unreachable', 'ECONNREFUSED'],
  [coded('getaddrinfo ENOTFOUND db', 'ENOTFOUND'), 'unreachable', 'ENOTFOUND'],
  [new Error('Connection terminated unexpectedly'), 'unreachable', '08006'],
  [new Error('Query read timeout'), 'unreachable', '08006'],
  [coded('terminating connection due to administrator command', '57P01'), 'unreachable', '57P01'],
  [coded('the database system is starting up', '57P03'), 'unreachable', '57P03'],
  [coded('sorry, too many clients already', '53300'), 'unreachable', '53300'],
  [coded('password authentication failed for user "hapscope"', '28P01'), 'refused', '28P01'],
  [coded('database "nope" does not exist', '3D000'), 'refused', '3D000'],
  [coded('permission denied for table samples', '42501'), 'refused', '42501'],
  [coded('could not extend file: No space left on device', '53100'), 'disk-full', '53100'],
  [coded('cannot execute INSERT in a read-only transaction', '25006'), 'read-only', '25006'],
  [coded('deadlock detected', '40P01'), 'locked', '40P01'],
])('%s is the store’s: %s (%s)', (error, kind, code) => {
  expect(toPostgresStoreError(error, WHERE, null)?.fault).toEqual({ kind, code, detail: error.message });
});

test.each([
  coded('syntax error at or near "SELEC"', '42601'),
  coded('column "nope" does not exist', '42703'),
  new TypeError('Cannot read properties of undefined'),
])('%s is a bug, not the store’s', (error) => {
  expect(toPostgresStoreError(error, WHERE, null)).toBeNull();
});

test('the password is cut out of whatever the error quoted; the message names the server and the fix', () => {
  const error = coded('could not connect to postgres://hapscope:p%40ss@db/hapscope (p@ss)', 'ECONNREFUSED');
  const storeError = toPostgresStoreError(error, WHERE, 'p@ss')!;
  expect(storeError.fault.detail).toBe('could not connect to postgres://hapscope:***@db/hapscope (***)');
  expect(storeError.message).toBe(
    `History store ${WHERE}: PostgreSQL cannot be reached (could not connect to postgres://hapscope:***@db/hapscope ` +
      '(***)) (ECONNREFUSED) — start PostgreSQL, or check the host and port in DATABASE_URL and the network to ' +
      'them; hapscope connects again by itself',
  );
  expect(
    storeFaultMessage({ kind: 'refused', code: '28P01', detail: 'password authentication failed' }, WHERE),
  ).toBe(
    `History store ${WHERE}: PostgreSQL refused hapscope (password authentication failed) (28P01) — check the ` +
      "user, password and database in DATABASE_URL and the server's pg_hba.conf and grants; hapscope connects " +
      'again by itself',
  );
});
