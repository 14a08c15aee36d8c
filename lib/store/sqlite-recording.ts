/**
 * Recording on the SQLite store: one poll's writes in one transaction (history-writer.ts). A failure is reported
 * as the recorder's and thrown as StoreError; a success is the recorder's to report, once its backlog is written.
 */
import type { HistoryDb } from './db';
import { HistoryWriter } from './history-writer';
import { rewindRollups } from './rollup';
import type { SqliteConnection } from './sqlite-connection';
import type { HistoryRecording } from './store';

export function sqliteRecording(connection: SqliteConnection): HistoryRecording {
  // Statements prepared once per connection.
  const writers = new WeakMap<HistoryDb, HistoryWriter>();
  const write = <T>(work: (writer: HistoryWriter) => T): T => {
    const db = connection.db();
    try {
      let writer = writers.get(db);
      if (!writer) writers.set(db, (writer = new HistoryWriter(db)));
      return work(writer);
    } catch (error) {
      throw connection.faults.failed('recorder', error) ?? error;
    }
  };
  return {
    async openForWrites() {
      connection.db();
      return connection.opens;
    },
    async loadInstance(name) {
      return write((writer) => writer.loadInstance(name));
    },
    async writePoll(writes) {
      return write((writer) => writer.writePoll(writes));
    },
    async rewindRollups(from) {
      write((writer) => rewindRollups(writer.db, from));
    },
  };
}
