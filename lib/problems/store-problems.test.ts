import { expect, test } from 'vitest';
import type { StoreFault } from './store-fault';
import { isStoreProblem, listStoreProblems, type StoreFacts, type StorePart } from './store-problems';

const FILE = '/var/lib/hapscope/hapscope.db';
const SINCE = Date.parse('2026-12-06T18:15:00Z');
const well: StoreFacts = {
  file: FILE,
  fault: null,
  backlog: { polls: 0, dropped: 0 },
  unsavedAlertChanges: 0,
  movedAside: [],
};
const full: StoreFault = { kind: 'disk-full', code: 'SQLITE_FULL', detail: 'database or disk is full' };
const failing = (parts: StorePart[], fault = full) => ({ fault, since: SINCE, parts });
const FULL_FIX =
  'free space on the disk that holds /var/lib/hapscope (or point DATA_DIR at a larger one); recording resumes by itself';
const HEAD = `History store ${FILE}: the disk is full (SQLITE_FULL) since 2026-12-06T18:15:00Z — `;

test.each<[string, Partial<StoreFacts>, string[]]>([
  ['all well', {}, []],
  [
    'polls waiting',
    { fault: failing(['recorder']), backlog: { polls: 1, dropped: 0 } },
    [`${HEAD}history is not recorded: 1 poll wait in memory, written once it recovers; ${FULL_FIX}`],
  ],
  [
    'polls dropped beyond the buffer',
    { fault: failing(['recorder']), backlog: { polls: 1200, dropped: 40 } },
    [
      `${HEAD}history is not recorded: 1200 polls wait in memory, written once it recovers; 40 older polls did ` +
        `not fit and show as "no data"; ${FULL_FIX}`,
    ],
  ],
  [
    'every part at once',
    {
      fault: failing(['recorder', 'alerts', 'access', 'reads', 'maintenance']),
      backlog: { polls: 2, dropped: 0 },
      unsavedAlertChanges: 1,
    },
    [
      `${HEAD}history is not recorded: 2 polls wait in memory, written once it recovers; 1 alert change wait ` +
        'to be saved; sign-ins, tokens, users and the audit log cannot be saved; history and alerts cannot be ' +
        `read; old history is not rolled up or pruned; ${FULL_FIX}`,
    ],
  ],
  [
    'the file moved aside, still in DATA_DIR',
    { movedAside: [{ to: `${FILE}.corrupt-20261206T181500Z`, at: SINCE }] },
    [
      `History store ${FILE} was not a SQLite database: hapscope moved it aside to ` +
        `${FILE}.corrupt-20261206T181500Z at 2026-12-06T18:15:00Z and started a fresh, empty history — what it ` +
        'held is in that file; delete it (or move it out of /var/lib/hapscope) to clear this message',
    ],
  ],
  [
    'DATA_DIR in the way, before any poll',
    {
      fault: failing(['open'], {
        kind: 'data-dir',
        code: 'ENOTDIR',
        detail: '/var/lib is a file, not a directory',
      }),
    },
    [
      `History store ${FILE}: DATA_DIR cannot be used: /var/lib is a file, not a directory (ENOTDIR) since ` +
        '2026-12-06T18:15:00Z — history is not recorded: 0 polls wait in memory, written once it recovers; ' +
        'create /var/lib/hapscope as a directory the user hapscope runs as can write (or point DATA_DIR at one); ' +
        'recording resumes by itself',
    ],
  ],
])('%s', (_name, over, expected) => {
  const problems = listStoreProblems({ ...well, ...over });
  expect(problems).toEqual(expected);
  expect(problems.every(isStoreProblem)).toBe(true);
});

test('the banner tells store problems from the others', () => {
  expect(isStoreProblem('Kubernetes: forbidden — pools and node placement are unknown')).toBe(false);
  expect(isStoreProblem('Alerts are off: the alert engine failed to start')).toBe(false);
});
