import { describe, expect, test } from 'vitest';
import {
  columnChoiceParam,
  defaultColumnIds,
  groupState,
  parseColumnChoice,
  visibleColumns,
  withColumns,
  type ColumnChoice,
} from './column-choice';

const shownIds = (choice: ColumnChoice, kubernetes = false) =>
  visibleColumns(choice, kubernetes).map((c) => c.id);

describe('defaults', () => {
  test('today’s columns plus last session, 5xx rate and response time; node and pool with Kubernetes', () => {
    expect(shownIds(null, true)).toEqual([
      'status',
      'name',
      'role',
      'address',
      'node',
      'pool',
      'check',
      'latency',
      'queue',
      'rate',
      'sessions',
      'last-session',
      'http-5xx-rate',
      'time-response',
      'last-change',
      'downtime',
      'checks',
      'uptime',
    ]);
    expect(shownIds(null, false)).not.toContain('node');
    expect(defaultColumnIds(false)).not.toContain('pool');
  });
});

describe('cols= in the URL', () => {
  test.each<[string | null, ColumnChoice]>([
    [null, null],
    ['queue,bytes-in', ['queue', 'bytes-in']],
    ['bytes-in,queue,queue', ['queue', 'bytes-in']],
    ['queue,nonsense,,bytes-in', ['queue', 'bytes-in']],
    ['nonsense,also-not', null],
    ['', []],
    ['status', ['status']],
  ])('%j → %j', (param, choice) => {
    expect(parseColumnChoice(param)).toEqual(choice);
  });

  test.each<[ColumnChoice, string | null]>([
    [null, null],
    [['time-total', 'role'], 'role,time-total'],
    [['status', 'name', 'queue'], 'queue'],
    [[], ''],
  ])('%j is written %j', (choice, param) => {
    expect(columnChoiceParam(choice)).toBe(param);
  });

  test('status and name are shown whatever the link says', () => {
    expect(shownIds([])).toEqual(['status', 'name']);
    expect(shownIds(['bytes-out'])).toEqual(['status', 'name', 'bytes-out']);
  });

  test('without role and address the name column widens to hold a backend’s label', () => {
    const name = (choice: ColumnChoice) => visibleColumns(choice, false).find((c) => c.id === 'name');
    expect(name(null)).toMatchObject({ minWidth: 170, width: 'minmax(170px, 1.6fr)' });
    expect(name(['queue'])).toMatchObject({ minWidth: 330, width: 'minmax(330px, 1.6fr)' });
    // role 76 px leaves 84 px to find
    expect(name(['role', 'queue'])).toMatchObject({ minWidth: 254 });
  });

  test('an explicit node column shows even without Kubernetes', () => {
    expect(shownIds(['node'])).toEqual(['status', 'name', 'node']);
  });
});

describe('turning columns on and off', () => {
  test('from the defaults, adding one writes the whole set, in table order', () => {
    expect(withColumns(null, ['bytes-in'], true, false)).toEqual([
      'status',
      'name',
      'role',
      'address',
      'check',
      'latency',
      'queue',
      'rate',
      'sessions',
      'last-session',
      'bytes-in',
      'http-5xx-rate',
      'time-response',
      'last-change',
      'downtime',
      'checks',
      'uptime',
    ]);
  });

  test('getting back to the defaults drops cols= again', () => {
    const added = withColumns(null, ['bytes-in'], true, false);
    expect(withColumns(added, ['bytes-in'], false, false)).toBeNull();
  });

  test('status and name cannot be turned off', () => {
    expect(withColumns(['queue'], ['status', 'name', 'queue'], false, false)).toEqual(['status', 'name']);
  });

  test('a whole group at once', () => {
    expect(withColumns(['queue'], ['bytes-in', 'bytes-out'], true, false)).toEqual([
      'status',
      'name',
      'queue',
      'bytes-in',
      'bytes-out',
    ]);
  });
});

test.each<[string[], 'all' | 'some' | 'none']>([
  [['bytes-in', 'bytes-out'], 'all'],
  [['bytes-in'], 'some'],
  [['queue'], 'none'],
])('the bytes group with %j shown is %s', (shown, state) => {
  expect(groupState('bytes', new Set(shown))).toBe(state);
});

test('a group’s state ignores its fixed columns', () => {
  expect(groupState('server', new Set(['status', 'name']))).toBe('none');
});
