import { expect, test } from 'vitest';
import { activeMuteUntil, alertBadgeView } from './alert-item-view';

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
