/**
 * What can go wrong with a PostgreSQL store (DATABASE_URL), in words that name the server and the fix: the
 * PostgreSQL half of store-fault.ts, which hands a fault here when the store's `file` is a postgres:// URL (always
 * shown without its password). Pure and browser-safe.
 */
export const isDatabaseUrl = (where: string): boolean => /^postgres(ql)?:\/\//.test(where);

const AGAIN = 'hapscope connects again by itself';

/** `fault` is a StoreFault (store-fault.ts, which imports this file). */
export function describePostgresFault(fault: { kind: string; detail: string }): {
  what: string;
  fix: string;
} {
  switch (fault.kind) {
    case 'unreachable':
      return {
        what: `PostgreSQL cannot be reached (${fault.detail})`,
        fix: `start PostgreSQL, or check the host and port in DATABASE_URL and the network to them; ${AGAIN}`,
      };
    case 'refused':
      return {
        what: `PostgreSQL refused hapscope (${fault.detail})`,
        fix: `check the user, password and database in DATABASE_URL and the server's pg_hba.conf and grants; ${AGAIN}`,
      };
    case 'disk-full':
      return {
        what: `the PostgreSQL server is out of space (${fault.detail})`,
        fix: "free space on the PostgreSQL server's disk (or grow its volume); recording resumes by itself",
      };
    case 'read-only':
      return {
        what: `PostgreSQL takes no writes (${fault.detail})`,
        fix: 'point DATABASE_URL at the primary, not a standby, and check default_transaction_read_only',
      };
    case 'locked':
      return {
        what: `a lock on hapscope's tables could not be had (${fault.detail})`,
        fix: 'end the long transaction that holds it (see pg_stat_activity); it is tried again by itself',
      };
    default:
      return { what: fault.detail, fix: "check the PostgreSQL server's log" };
  }
}
