/** Flat SVG badges (label | message), valid standalone SVG with readable text, for wikis that forbid iframes. */
import { textWidth } from './text-width';

export interface BadgeSpec {
  label: string;
  message: string;
  /** Background of the message half. */
  color: string;
  /** An optional sparkline drawn in the message half, values oldest first (nulls are gaps). */
  sparkline?: readonly (number | null)[];
}

const HEIGHT = 20;
const PAD = 6;
const SPARK_WIDTH = 60;
const LABEL_BG = '#555';
const MAX_TEXT = 64;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Names come from HAProxy and Kubernetes: keep them printable and short enough for a badge. */
export function clipText(text: string): string {
  const printable = [...text.replace(/[\u0000-\u001f\u007f]/g, ' ')];
  return printable.length > MAX_TEXT ? `${printable.slice(0, MAX_TEXT - 1).join('')}…` : printable.join('');
}

export function renderBadge(spec: BadgeSpec): string {
  const label = clipText(spec.label);
  const message = clipText(spec.message);
  const labelWidth = textWidth(label) + 2 * PAD;
  const sparkWidth = spec.sparkline?.length ? SPARK_WIDTH + PAD : 0;
  const messageWidth = textWidth(message) + 2 * PAD + sparkWidth;
  const width = labelWidth + messageWidth;
  const title = escapeXml(`${label}: ${message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_BG}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${escapeXml(spec.color)}"/>`,
    `<rect width="${width}" height="${HEIGHT}" fill="url(#s)"/>`,
    `</g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11">`,
    textWithShadow(label, labelWidth / 2),
    textWithShadow(message, labelWidth + (messageWidth - sparkWidth) / 2),
    `</g>`,
    spec.sparkline?.length ? sparklinePath(spec.sparkline, width - PAD - SPARK_WIDTH, SPARK_WIDTH) : '',
    `</svg>`,
  ].join('');
}

function textWithShadow(text: string, x: number): string {
  const escaped = escapeXml(text);
  return `<text x="${x}" y="15" fill="#010101" fill-opacity=".3">${escaped}</text><text x="${x}" y="14">${escaped}</text>`;
}

/** The values scaled into the badge's height, a polyline per run of values between gaps. */
export function sparklinePath(values: readonly (number | null)[], x: number, width: number): string {
  const numbers = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (numbers.length === 0) return '';
  const max = Math.max(...numbers);
  const min = Math.min(0, ...numbers);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const runs: string[][] = [[]];
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) return void (runs.at(-1)!.length && runs.push([]));
    const px = (x + i * step).toFixed(1);
    const py = (HEIGHT - 4 - ((value - min) / span) * (HEIGHT - 8)).toFixed(1);
    runs.at(-1)!.push(`${px},${py}`);
  });
  return runs
    .filter((run) => run.length > 0)
    .map((run) =>
      run.length === 1
        ? `<circle cx="${run[0]!.split(',')[0]}" cy="${run[0]!.split(',')[1]}" r="1.2" fill="#fff"/>`
        : `<polyline points="${run.join(' ')}" fill="none" stroke="#fff" stroke-width="1.3" stroke-linejoin="round"/>`,
    )
    .join('');
}
