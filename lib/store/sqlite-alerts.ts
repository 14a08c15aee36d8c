/** Alerts on the SQLite store (alert-store.ts), each call reported as its part's (store-call.ts). */
import {
  acknowledgeAlert,
  addMute,
  alertCenter,
  alertChanges,
  alertsCoveredBy,
  deleteMute,
  eventsAfter,
  getAlert,
  getMute,
  listMutes,
  loadFiringAlerts,
  logAlertEvent,
  saveAlertChanges,
} from './alert-store';
import type { SqliteConnection } from './sqlite-connection';
import type { AlertStore } from './store';
import { storeCall } from './store-call';

export function sqliteAlerts(connection: SqliteConnection): AlertStore {
  const db = () => connection.db();
  return {
    alertCenter: async (resolvedSince, now) => alertCenter(db(), resolvedSince, now),
    getAlert: async (id, now) => getAlert(db(), id, now),
    alertChanges: async (id, limit) => alertChanges(db(), id, limit),
    eventsAfter: async (seq, limit) => eventsAfter(db(), seq, limit),
    // A failure to read them is the engine's too: alerts wait for it.
    loadFiringAlerts: async () => {
      const open = db();
      return storeCall(open, 'alerts', () => loadFiringAlerts(open));
    },
    saveChanges: async (changes) => saveAlertChanges(db(), changes),
    acknowledgeAlert: async (id, by, now) => acknowledgeAlert(db(), id, by, now),
    logAlertEvent: async (id, change, notify, now, by) => logAlertEvent(db(), id, change, notify, now, by),
    listMutes: async (now) => listMutes(db(), now),
    getMute: async (id) => getMute(db(), id),
    addMute: async (target, until, reason, now, by) => addMute(db(), target, until, reason, now, by),
    deleteMute: async (id) => deleteMute(db(), id),
    alertsCoveredBy: async (target, since) => alertsCoveredBy(db(), target, since),
  };
}
