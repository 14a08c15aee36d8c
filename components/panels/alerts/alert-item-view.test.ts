import { expect, test } from 'vitest';
import { activeMuteUntil, alertBadgeView, coveringMute } from './alert-item-view';

test.each([
  ['firing', 'critical', { tone: 'down', shape: 'cross', text: 'critical' }],
  ['firing', 'warning', { tone: 'going-down', shape: 'diamond', text: 'warning' }],
  ['resolved', 'critical', { tone: 'ok', shape: 'circle', text: 'resolved' }],
  ['resolved', 'warning', { tone: 'ok', shape: 'circle', text: 'resolved' }],
] as const)('a %s %s alert', (state, severity, view) => {
  expect(alertBadgeView({ state, severity })).toEqual(view);
});

const NOW = Date.parse('2024-05-01T12:00:00.000Z');
test.each([
  [null, null],
  ['2024-05-01T13:00:00.000Z', '2024-05-01T13:00:00.000Z'],
  ['2024-05-01T12:00:00.000Z', null],
  ['2024-05-01T11:00:00.000Z', null],
])('muted until %s → %s', (mutedUntil, expected) => {
  expect(activeMuteUntil({ mutedUntil }, NOW)).toBe(expected);
});

const MUTE_NOW = Date.parse('2026-03-10T12:00:00.000Z');
const mute = (
  id: number,
  target: Partial<Record<'instance' | 'backend' | 'server' | 'pool', string>>,
  until: string,
) => ({
  id,
  target: { instance: null, backend: null, server: null, pool: null, ...target },
  until,
});

test.each([
  ['a mute of the server', [mute(1, { backend: 'be', server: 's1' }, '2026-03-10T13:00:00.000Z')], 1],
  ['a mute of its backend', [mute(2, { backend: 'be' }, '2026-03-10T13:00:00.000Z')], 2],
  ['a mute of another server', [mute(3, { backend: 'be', server: 's2' }, '2026-03-10T13:00:00.000Z')], null],
  ['an expired mute', [mute(4, { backend: 'be' }, '2026-03-10T11:00:00.000Z')], null],
  [
    'two covering mutes: the one that ends last',
    [
      mute(5, { backend: 'be' }, '2026-03-10T13:00:00.000Z'),
      mute(6, { instance: 'main' }, '2026-03-10T15:00:00.000Z'),
    ],
    6,
  ],
])('%s', (_, mutes, id) => {
  const alert = { target: { instance: 'main', backend: 'be', server: 's1', pool: null } };
  expect(coveringMute(alert, mutes, MUTE_NOW)?.id ?? null).toBe(id);
});
