import { expect, test } from 'vitest';
import { alertTarget } from '@/lib/alerts/types';
import { muteMinutes, muteTargetText } from './mute-form-model';

test.each([
  [{ instance: 'lb1', backend: 'be', server: 's1' }, 'be/s1'],
  [{ instance: 'lb1', backend: 'be' }, 'be'],
  [{ instance: 'lb1', server: 's1' }, 'lb1'],
  [{ backend: 'be', server: 's1', pool: 'p1' }, 'be/s1, pool p1'],
  [{ instance: 'lb1', pool: 'p1' }, 'pool p1'],
  [{ instance: 'lb1' }, 'lb1'],
  [{}, 'this target'],
])('%o is named %s', (target, text) => {
  expect(muteTargetText(alertTarget(target))).toBe(text);
});

test.each([
  [60, '90', 60],
  ['custom', '90', 90],
  ['custom', '1', 1],
  ['custom', '0', null],
  ['custom', '-5', null],
  ['custom', '1.5', null],
  ['custom', 'abc', null],
  ['custom', '', null],
] as const)('choice %s with %j typed → %s minutes', (choice, custom, minutes) => {
  expect(muteMinutes(choice, custom)).toBe(minutes);
});
