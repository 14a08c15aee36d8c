import { expect, test } from 'vitest';
import { nextThemePref, parseThemePref, resolveTheme } from './theme';

test.each([
  ['light', 'light'],
  ['dark', 'dark'],
  ['auto', 'auto'],
  [null, 'auto'],
  ['purple', 'auto'],
])('parseThemePref(%s) = %s', (value, pref) => {
  expect(parseThemePref(value)).toBe(pref);
});

test('auto follows the system; explicit choices win', () => {
  expect(resolveTheme('auto', true)).toBe('dark');
  expect(resolveTheme('auto', false)).toBe('light');
  expect(resolveTheme('light', true)).toBe('light');
  expect(resolveTheme('dark', false)).toBe('dark');
});

test('the toggle cycles auto → light → dark → auto', () => {
  expect([nextThemePref('auto'), nextThemePref('light'), nextThemePref('dark')]).toEqual([
    'light',
    'dark',
    'auto',
  ]);
});
