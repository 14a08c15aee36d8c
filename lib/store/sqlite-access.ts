/** Access on the SQLite store (access-store.ts), each call reported as its part's (store-call.ts). */
import {
  appendAudit,
  changeUser,
  countUsers,
  deleteSession,
  getApiToken,
  getSession,
  getShareLink,
  getUser,
  insertApiToken,
  insertSession,
  insertShareLink,
  insertUser,
  listApiTokens,
  listAudit,
  listShareLinks,
  listUsers,
  markSignIn,
  markUsed,
  pruneSessions,
  removeUser,
  revoke,
  touchSession,
} from './access-store';
import { isStoreError } from '@/lib/problems/store-fault';
import type { HistoryDb } from './db';
import type { SqliteConnection } from './sqlite-connection';
import type { AccessStore } from './store';

export function sqliteAccess(connection: SqliteConnection): AccessStore {
  const db = () => connection.db();
  /** A write nobody waits for: a store that will not open is no reason to fail the request either. */
  const bestEffort = (write: (open: HistoryDb) => void) => {
    let open: HistoryDb;
    try {
      open = db();
    } catch (error) {
      if (isStoreError(error)) return;
      throw error;
    }
    write(open);
  };
  return {
    listUsers: async () => listUsers(db()),
    countUsers: async () => countUsers(db()),
    getUser: async (name) => getUser(db(), name),
    insertUser: async (row) => insertUser(db(), row),
    changeUser: async (name, change) => changeUser(db(), name, change),
    removeUser: async (name) => removeUser(db(), name),
    markSignIn: async (name, at) => void markSignIn(db(), name, at),

    insertSession: async (row) => void insertSession(db(), row),
    getSession: async (id) => getSession(db(), id),
    touchSession: async (id, at) => bestEffort((open) => touchSession(open, id, at)),
    deleteSession: async (id) => void deleteSession(db(), id),
    pruneSessions: async (now, idleMs) => pruneSessions(db(), now, idleMs),

    listApiTokens: async () => listApiTokens(db()),
    getApiToken: async (id) => getApiToken(db(), id),
    insertApiToken: async (row) => void insertApiToken(db(), row),
    listShareLinks: async () => listShareLinks(db()),
    getShareLink: async (id) => getShareLink(db(), id),
    insertShareLink: async (row) => void insertShareLink(db(), row),
    revoke: async (table, id, by, at) => revoke(db(), table, id, by, at),
    markUsed: async (table, id, at) => bestEffort((open) => markUsed(open, table, id, at)),

    appendAudit: async (row) => void appendAudit(db(), row),
    listAudit: async (options) => listAudit(db(), options),
  };
}
