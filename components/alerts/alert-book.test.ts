import { describe, expect, test } from 'vitest';
import { alertHistory, applyEvents, applyList, EMPTY_BOOK, historyText, storedHistory } from './alert-book';
import { alertDto, eventDto } from './test-alerts';

const T0 = Date.parse('2024-05-01T10:00:00.000Z');

describe('alert book', () => {
  test('the list fills the book and sets the resume point', () => {
    const book = applyList(EMPTY_BOOK, { alerts: [alertDto('a')], mutes: [], lastEventId: 7 });
    expect([...book.alerts.keys()]).toEqual(['a']);
    expect(book.lastSeq).toBe(7);
    expect(book.loaded).toBe(true);
  });

  test('an event newer than the list survives a list fetched before it', () => {
    let book = applyEvents(EMPTY_BOOK, [eventDto('a', 9, 'resolved', { state: 'resolved' })], T0);
    book = applyList(book, { alerts: [alertDto('a')], mutes: [], lastEventId: 8 });
    expect(book.alerts.get('a')?.state).toBe('resolved');
    expect(book.lastSeq).toBe(9);
  });

  test('an event the list already covers changes nothing (replay overlap)', () => {
    let book = applyList(EMPTY_BOOK, {
      alerts: [alertDto('a', { summary: 'new' })],
      mutes: [],
      lastEventId: 9,
    });
    book = applyEvents(book, [eventDto('a', 8, 'updated', { summary: 'old' })], T0);
    expect(book.alerts.get('a')?.summary).toBe('new');
    expect(book.history.get('a')).toBeUndefined();
  });

  test('a list without an alert drops it unless an event brought it later', () => {
    let book = applyList(EMPTY_BOOK, { alerts: [alertDto('gone')], mutes: [], lastEventId: 3 });
    book = applyEvents(book, [eventDto('fresh', 5, 'fired')], T0);
    book = applyList(book, { alerts: [], mutes: [], lastEventId: 4 });
    expect([...book.alerts.keys()]).toEqual(['fresh']);
  });

  test("a poll's events applied together: the book holds what they say, each alert's changes in order", () => {
    const listed = applyList(EMPTY_BOOK, { alerts: [alertDto('a')], mutes: [], lastEventId: 4 });
    const book = applyEvents(
      listed,
      [
        eventDto('b', 5, 'fired'),
        eventDto('a', 3, 'updated', { summary: 'older than the list' }), // replay: changes nothing
        eventDto('b', 6, 'resolved', { state: 'resolved' }),
        eventDto('c', 7, 'fired'),
      ],
      T0,
    );
    expect([...book.alerts.keys()]).toEqual(['a', 'b', 'c']);
    expect(book.alerts.get('a')?.summary).toBe(alertDto('a').summary);
    expect(book.alerts.get('b')?.state).toBe('resolved');
    expect(book.history.get('b')?.map((h) => [h.change, h.seq])).toEqual([
      ['fired', 5],
      ['resolved', 6],
    ]);
    expect(book.history.get('a')).toBeUndefined();
    expect(book.versions.get('b')).toBe(6);
    expect(book.lastSeq).toBe(7);
    expect(listed.alerts.size).toBe(1); // the book applied to is left as it was
  });
});

describe('alertHistory', () => {
  test('joins the alert’s own times with updates the stream brought, oldest first, without duplicates', () => {
    const alert = alertDto('a', {
      state: 'resolved',
      resolvedAt: '2024-05-01T10:05:00.000Z',
      acknowledgedAt: '2024-05-01T10:01:00.000Z',
      acknowledgedBy: 'ana',
    });
    const seen = [
      { change: 'fired' as const, at: T0, summary: 'x', by: null, seq: 1 },
      { change: 'updated' as const, at: T0 + 120_000, summary: 'a flapped 8 times', by: null, seq: 3 },
    ];
    expect(alertHistory(alert, seen).map((e) => [e.change, (e.at - T0) / 1000, e.by])).toEqual([
      ['fired', 0, null],
      ['acknowledged', 60, 'ana'],
      ['updated', 120, null],
      ['resolved', 300, null],
    ]);
  });

  test('the stored log fills in what happened before the page opened; the stream adds what came after, once', () => {
    const alert = alertDto('a', { acknowledgedAt: '2024-05-01T10:01:00.000Z', acknowledgedBy: 'alice' });
    const stored = storedHistory({
      changes: [
        { seq: 4, at: '2024-05-01T10:00:00.000Z', change: 'fired', by: null, summary: 'a flapped 6 times' },
        {
          seq: 6,
          at: '2024-05-01T10:01:00.000Z',
          change: 'acknowledged',
          by: 'alice',
          summary: 'a flapped 6 times',
        },
        { seq: 9, at: '2024-05-01T10:02:00.000Z', change: 'muted', by: 'bob', summary: 'a flapped 6 times' },
      ],
    });
    const seen = [
      { change: 'muted' as const, at: T0 + 120_000, summary: 'a flapped 6 times', by: 'bob', seq: 9 },
      { change: 'unmuted' as const, at: T0 + 180_000, summary: 'a flapped 6 times', by: 'token ci', seq: 12 },
    ];
    expect(alertHistory(alert, seen, stored).map((e) => [e.change, (e.at - T0) / 1000, e.by, e.seq])).toEqual(
      [
        ['fired', 0, null, 4],
        ['acknowledged', 60, 'alice', 6],
        ['muted', 120, 'bob', 9],
        ['unmuted', 180, 'token ci', 12],
      ],
    );
  });

  test('a stream event is placed at the time it happened and names who made it', () => {
    const event = { ...eventDto('a', 5, 'muted'), changedAt: '2024-05-01T10:03:00.000Z', by: 'bob' };
    const book = applyEvents(EMPTY_BOOK, [event], T0 + 999_000);
    expect(book.history.get('a')).toEqual([
      { change: 'muted', at: T0 + 180_000, summary: 'a flapped 6 times in 42 s', by: 'bob', seq: 5 },
    ]);
  });
});

describe('historyText', () => {
  test.each([
    ['acknowledged', 'alice', 'acknowledged by alice'],
    ['muted', 'bob', 'muted by bob'],
    ['unmuted', 'token ci', 'unmuted by token ci'],
    ['fired', null, 'fired'],
    ['resolved', null, 'resolved'],
    ['acknowledged', null, 'acknowledged'],
  ] as const)('%s by %s reads %j', (change, by, text) => {
    expect(historyText({ change, by, summary: 'x' })).toBe(text);
  });

  test('an update says what the alert says now', () => {
    expect(historyText({ change: 'updated', by: null, summary: 'a flapped 8 times' })).toBe(
      'updated: a flapped 8 times',
    );
  });
});
