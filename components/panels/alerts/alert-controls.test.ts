import { expect, test } from 'vitest';
import { alertControls } from './alert-controls';

test.each([
  ['an operator, firing', true, false, true, { acknowledge: true, mute: true, note: null }],
  ['an operator, firing, acknowledged', true, true, true, { acknowledge: false, mute: true, note: null }],
  ['an operator, resolved', false, false, true, { acknowledge: false, mute: false, note: null }],
  [
    'a viewer, firing',
    true,
    false,
    false,
    { acknowledge: false, mute: false, note: 'Viewers cannot acknowledge or mute — operators can' },
  ],
  [
    'a viewer, firing, acknowledged',
    true,
    true,
    false,
    { acknowledge: false, mute: false, note: 'Viewers cannot acknowledge or mute — operators can' },
  ],
  ['a viewer, resolved', false, false, false, { acknowledge: false, mute: false, note: null }],
])('%s', (_, firing, acknowledged, mayAct, controls) => {
  expect(alertControls({ firing, acknowledged }, mayAct)).toEqual(controls);
});
