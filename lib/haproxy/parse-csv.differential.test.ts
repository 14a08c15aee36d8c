import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEBIAN_2_6_12_HEADER, mulberry32 } from '@/e2e/bench/generate-stats-csv';
import { parseStatsCsv, parseStatsCsvColumns } from './parse-csv';
import { parseStatsCsvColumnsReference } from './parse-csv-reference';
import { STAT_COLUMNS, StatsParseError } from './types';

/*
 * The fast parser against the csv-parse oracle, field for field: on every real fixture and on a few hundred
 * generated inputs (quotes, commas, doubled quotes, empty fields, CRLF, several dumps), whole, cut short at a
 * random point, or with a span removed from a middle line.
 */

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/haproxy-csv');
const HAVE_FIXTURES = existsSync(FIXTURES);
// `show stat typed` (F.2.0.0.pxname.1:KNSV:str:…) is one field per line, not CSV: hapscope never asks for it.
const isCsv = (name: string) => name.endsWith('.csv') && !name.endsWith('-typed.csv');
const CSV_FIXTURES = HAVE_FIXTURES ? readdirSync(FIXTURES).filter(isCsv) : [];

type Outcome = { rows: Record<string, string>[] } | { error: StatsParseError['kind'] };

function outcome(parse: () => Record<string, string>[]): Outcome {
  try {
    return { rows: parse() };
  } catch (error) {
    if (error instanceof StatsParseError) return { error: error.kind };
    throw error;
  }
}

/** Every column named by any header line: rows then carry every field. */
function allColumns(text: string): string[] {
  const names = text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('# '))
    .flatMap((line) => line.slice(2).split(','));
  return [...new Set(names)].filter((name) => name !== '');
}

/** Both parsers agree, and parseStatsCsv() is parseStatsCsvColumns(STAT_COLUMNS). */
function compare(text: string): Outcome {
  const columns = allColumns(text);
  const fast = outcome(() => parseStatsCsvColumns(text, columns));
  expect(fast).toEqual(outcome(() => parseStatsCsvColumnsReference(text, columns)));
  expect(outcome(() => parseStatsCsv(text))).toEqual(outcome(() => parseStatsCsvColumns(text, STAT_COLUMNS)));
  return fast;
}

describe.skipIf(!HAVE_FIXTURES)(`fixtures (${FIXTURES}; skipped when the folder is absent)`, () => {
  test.each(CSV_FIXTURES)('%s: same rows, all columns', (name) => {
    const result = compare(readFileSync(path.join(FIXTURES, name), 'utf8'));
    expect('rows' in result && result.rows.length > 0).toBe(true);
  });
});

const POOL = DEBIAN_2_6_12_HEADER.slice(2).split(',').slice(2, -1); // without pxname, svname and the trailing ''
const VALUES = [
  ...[
    '',
    '',
    '',
    '0',
    '0',
    '12',
    '4294967295',
    '-',
    'UP',
    'UP 1/3',
    'DOWN 1/2',
    'no check',
    'L7OK',
    '* L7TOUT',
  ],
  ...['MAINT (via be/s1)', 'Layer7 check passed', '10.0.0.1:80', ' spaced ', 'tab\there', 'café', '日本'],
  ...['Busy, "retry later"', 'Layer7 wrong status, "x"', 'a,b', ',', '"', '""', 'x""y', 'He said "hi"'],
];

/** One random input of 1 to 3 dumps: the text, and how many data rows it holds. */
function generate(random: () => number): { text: string; rows: number } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const eol = random() < 0.3 ? '\r\n' : '\n';
  const trailing = random() < 0.85 ? ',' : '';
  const lines: string[] = random() < 0.2 ? [''] : [];
  let rows = 0;
  for (let dump = 0, dumps = 1 + Math.floor(random() * 3); dump < dumps; dump++) {
    const extra = Array.from({ length: Math.floor(random() * 12) }, () => pick(POOL));
    if (random() < 0.2) extra.push(extra[0] ?? 'h2_open_connections'); // a duplicate name, as in 2.3.0
    const header = ['pxname', 'svname', ...extra];
    lines.push(`# ${header.join(',')}${trailing}`);
    // Without trailing commas a last header line looks cut (HAProxy always ends lines with one): add a row.
    const least = trailing === '' && dump === dumps - 1 ? 1 : 0;
    for (let r = 0, count = least + Math.floor(random() * 8); r < count; r++, rows++) {
      const width = header.length + (random() < 0.1 ? 1 + Math.floor(random() * 3) : 0);
      const fields = Array.from({ length: width }, (_, i) => (i === 0 ? `be_${dump}` : pick(VALUES)));
      lines.push(fields.map((value) => encode(value, random() < 0.05)).join(',') + trailing);
      if (random() < 0.1) lines.push('');
    }
  }
  if (random() < 0.3) lines.push('', '');
  return { text: lines.join(eol) + (random() < 0.7 ? eol : ''), rows };
}

/** HAProxy's csv_enc(): quotes a value holding a comma or a quote (`always`: quotes it anyway). */
function encode(value: string, always: boolean): string {
  return always || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Removes a random span (at least one character) from a random middle line, keeping its line ending. */
function removeSpan(text: string, random: () => number): string | null {
  const lines = text.split('\n');
  const middle = lines.flatMap((line, i) => (i > 0 && i < lines.length - 2 && line.length > 2 ? [i] : []));
  if (middle.length === 0) return null;
  const at = middle[Math.floor(random() * middle.length)]!;
  const cr = lines[at]!.endsWith('\r') ? '\r' : '';
  const line = lines[at]!.slice(0, lines[at]!.length - cr.length);
  const from = Math.floor(random() * (line.length - 1));
  const to = from + 1 + Math.floor(random() * (line.length - from - 1));
  lines[at] = line.slice(0, from) + line.slice(to) + cr;
  return lines.join('\n');
}

const CASES = Array.from({ length: 300 }, (_, i) => i + 1);

describe('generated inputs', () => {
  test.each(CASES)('seed %i: whole', (seed) => {
    const { text, rows } = generate(mulberry32(seed));
    const result = compare(text);
    expect('rows' in result ? result.rows.length : result.error).toBe(rows);
  });

  test.each(CASES)('seed %i: cut short at a random point', (seed) => {
    const { text } = generate(mulberry32(seed));
    const headerEnd = text.indexOf('\n');
    compare(text.slice(0, headerEnd + 1 + Math.floor(mulberry32(-seed)() * (text.length - headerEnd))));
  });

  test.each(CASES)('seed %i: a span removed from a middle line', (seed) => {
    const text = removeSpan(generate(mulberry32(seed)).text, mulberry32(seed * 7919));
    if (text === null) return;
    const columns = allColumns(text);
    const fast = outcome(() => parseStatsCsvColumns(text, columns));
    const reference = outcome(() => parseStatsCsvColumnsReference(text, columns));
    if ('error' in fast && 'error' in reference && fast.error !== reference.error) {
      // A quote left open mid-body: the fast parser stops at its line, csv-parse reads on to the end.
      expect([fast.error, reference.error]).toEqual(['garbled', 'truncated']);
    } else {
      expect(fast).toEqual(reference);
    }
  });
});
