/** Where a popover panel goes: below its button, right edges aligned; above it when only that fits; on screen. */
export interface Rect {
  top: number;
  bottom: number;
  right: number;
}

const MARGIN = 8;
const GAP = 4;

export function popoverPosition(
  anchor: Rect,
  panel: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  const clamp = (value: number, size: number, room: number) =>
    Math.max(MARGIN, Math.min(value, room - MARGIN - size));
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - panel.height;
  const fitsBelow = below + panel.height <= viewport.height - MARGIN;
  return {
    top: fitsBelow || above < MARGIN ? clamp(below, panel.height, viewport.height) : above,
    left: clamp(anchor.right - panel.width, panel.width, viewport.width),
  };
}
