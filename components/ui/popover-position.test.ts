import { expect, test } from 'vitest';
import { popoverPosition } from './popover-position';

const viewport = { width: 1440, height: 900 };
const panel = { width: 600, height: 400 };

test.each([
  [
    'below the button, right edges aligned',
    { top: 70, bottom: 100, right: 1000 },
    panel,
    viewport,
    { top: 104, left: 400 },
  ],
  ['kept off the left edge', { top: 70, bottom: 100, right: 300 }, panel, viewport, { top: 104, left: 8 }],
  [
    'above the button when only that fits',
    { top: 670, bottom: 700, right: 1000 },
    panel,
    viewport,
    { top: 266, left: 400 },
  ],
  [
    'neither fits: moved up from below as far as needed',
    { top: 300, bottom: 330, right: 1000 },
    { width: 600, height: 600 },
    viewport,
    { top: 292, left: 400 },
  ],
  [
    'as wide as a phone: the margin on the left wins',
    { top: 70, bottom: 100, right: 380 },
    { width: 374, height: 400 },
    { width: 390, height: 844 },
    { top: 104, left: 8 },
  ],
  [
    'taller than the viewport: from the top margin',
    { top: 70, bottom: 100, right: 1000 },
    { width: 600, height: 2000 },
    viewport,
    { top: 8, left: 400 },
  ],
])('%s', (_, anchor, size, room, expected) => {
  expect(popoverPosition(anchor, size, room)).toEqual(expected);
});
