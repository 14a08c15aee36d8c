import { describe, expect, test } from 'vitest';
import { decodeBlock, encodeBlock, type BlockSample } from './sample-block-codec';

const FIELDS = ['sessions', 'check_ms', 'rate', 'bytes'] as const;
const T = Date.parse('2025-06-01T10:00:00Z');

describe('a block of samples reads back exactly as written', () => {
  test.each<[string, number | null]>([
    ['null', null],
    ['zero', 0],
    ['a negative integer', -17],
    ['minus zero', -0],
    ['an error rate of 4 decimals', 0.0333],
    ['a rate with more decimals', 1 / 3],
    ['a large integer', 2 ** 52 + 2],
    ['the largest double', Number.MAX_VALUE],
    ['a bytes counter', 9_007_199_254_740_991],
  ])('%s', (_, value) => {
    const samples: BlockSample[] = [
      { at: T, sessions: 1, check_ms: null, rate: 7, bytes: 0 },
      { at: T + 2000, sessions: value, check_ms: value, rate: 7, bytes: 1 },
      { at: T + 2000 + 1, sessions: 3, check_ms: value, rate: -7, bytes: value },
    ];
    const back = decodeBlock(encodeBlock(samples, FIELDS), FIELDS);
    expect(back).toEqual(samples);
    expect(back.map((s) => Object.is(s.sessions, -0))).toEqual(samples.map((s) => Object.is(s.sessions, -0)));
  });

  test('a sample is its changes: an unchanged one is a mask and a time, 4 bytes after a 30 s heartbeat', () => {
    const first: BlockSample = { at: T, sessions: 0, check_ms: 2, rate: 0, bytes: 0 };
    const one = encodeBlock([first], FIELDS).length;
    const heartbeat = encodeBlock([first, { ...first, at: T + 30_000 }], FIELDS).length;
    expect(heartbeat - one).toBe(4); // mask 1 byte, 30,000 ms in 3
    const busy = encodeBlock(
      [first, { ...first, at: T + 2000, sessions: 40, bytes: 250_000 }],
      FIELDS,
    ).length;
    expect(busy - one).toBe(1 + 2 + 1 + 3); // mask, 2,000 ms, +40, +250,000
  });

  test('a field a sample does not have is stored as null', () => {
    const back = decodeBlock(encodeBlock([{ at: T, sessions: 4 }, { at: T + 1 }], FIELDS), FIELDS);
    expect(back).toEqual([
      { at: T, sessions: 4, check_ms: null, rate: null, bytes: null },
      { at: T + 1, sessions: null, check_ms: null, rate: null, bytes: null },
    ]);
  });

  test('refuses what it cannot store or read', () => {
    expect(() => encodeBlock([{ at: T + 1 }, { at: T }], FIELDS)).toThrow('time order');
    expect(() => decodeBlock(Uint8Array.of(9), FIELDS)).toThrow('version 9');
    expect(() => decodeBlock(Uint8Array.of(1, 1, 128), FIELDS)).toThrow('ends inside');
    const fields = Array.from({ length: 31 }, (_, i) => `f${i}`);
    expect(() => encodeBlock([], fields)).toThrow('at most 30');
  });
});
