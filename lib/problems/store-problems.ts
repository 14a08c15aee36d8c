/**
 * The history store's lines of GET /api/v1/health `problems`: the fault, what it costs (polls waiting in memory,
 * polls dropped, alert changes unsaved) and the fix; and a damaged file that was moved aside, until its copy is
 * deleted. Pure and browser-safe: the dashboard's banner picks these lines out with isStoreProblem.
 */
import { describeStoreFault, dirOf, type StoreFault } from './store-fault';

/** Every store problem starts so; nothing else in `problems` does. */
export const STORE_PROBLEM_PREFIX = 'History store ';

/** Who uses the store: each reports its own failures, and its successes clear them. */
export type StorePart = 'open' | 'recorder' | 'alerts' | 'access' | 'reads' | 'maintenance';

export interface MovedAside {
  /** Where the damaged file went (`…/hapscope.db.corrupt-20261206T181500Z`). */
  to: string;
  at: number;
}

export interface StoreFacts {
  file: string;
  /** The latest failure while any part is failing, and since when the store has been failing. */
  fault: { fault: StoreFault; since: number; parts: readonly StorePart[] } | null;
  /** Polls the recorder holds for the store, and those it had to drop (they are "no data" in history). */
  backlog: { polls: number; dropped: number };
  unsavedAlertChanges: number;
  /** Damaged files moved aside whose copy is still in DATA_DIR. */
  movedAside: readonly MovedAside[];
}

export function isStoreProblem(problem: string): boolean {
  return problem.startsWith(STORE_PROBLEM_PREFIX);
}

export function listStoreProblems(facts: StoreFacts): string[] {
  const problems: string[] = [];
  if (facts.fault) {
    const { fault, since } = facts.fault;
    const { what, fix } = describeStoreFault(fault, facts.file);
    problems.push(
      `${STORE_PROBLEM_PREFIX}${facts.file}: ${what} (${fault.code}) since ${iso(since)} — ` +
        `${consequences(facts).join('; ')}; ${fix}`,
    );
  }
  for (const moved of facts.movedAside) {
    problems.push(
      `${STORE_PROBLEM_PREFIX}${facts.file} was not a SQLite database: hapscope moved it aside ` +
        `to ${moved.to} at ${iso(moved.at)} and started a fresh, empty history — what it held is in that file; ` +
        `delete it (or move it out of ${dirOf(facts.file)}) to clear this message`,
    );
  }
  return problems;
}

function consequences({ fault, backlog, unsavedAlertChanges }: StoreFacts): string[] {
  const parts = new Set(fault?.parts);
  const said: string[] = [];
  if (backlog.polls > 0 || parts.has('recorder') || parts.has('open')) {
    const dropped = backlog.dropped
      ? `; ${count(backlog.dropped, 'older poll')} did not fit and show as "no data"`
      : '';
    said.push(
      `history is not recorded: ${count(backlog.polls, 'poll')} wait in memory, written once it recovers${dropped}`,
    );
  }
  if (unsavedAlertChanges > 0) said.push(`${count(unsavedAlertChanges, 'alert change')} wait to be saved`);
  if (parts.has('access')) said.push('sign-ins, tokens, users and the audit log cannot be saved');
  if (parts.has('reads')) said.push('history and alerts cannot be read');
  if (parts.has('maintenance')) said.push('old history is not rolled up or pruned');
  return said.length ? said : ['history is not recorded'];
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
