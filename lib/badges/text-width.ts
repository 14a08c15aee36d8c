/**
 * Approximate width in px of text in 11px Verdana/DejaVu Sans, the badge font. Good enough to size a badge
 * without a font engine; wide glyphs are over-estimated rather than clipped.
 */
const NARROW = new Set([..."fijlrt!|.,:;'()[]{} "]);
const WIDE = new Set([...'mwMW@%']);

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (NARROW.has(char)) width += 4;
    else if (WIDE.has(char)) width += 10.5;
    else if (char >= 'A' && char <= 'Z') width += 7.8;
    else if (char >= '0' && char <= '9') width += 7;
    else if (char.charCodeAt(0) > 0x2e80) width += 11;
    else width += 6.6;
  }
  return Math.ceil(width);
}
