import { CsvError, parse, type Options } from 'csv-parse/sync';
import { StatsParseError } from './types';

/*
 * The oracle for parse-csv.ts: the same contract built on csv-parse: slow, but simple enough to trust. Used only by the
 * differential test and the benchmark. Where the two may disagree: a quote left open in a middle line makes
 * csv-parse read on to the end of the input, so this says 'truncated' where the fast parser says 'garbled'.
 */

const OPTIONS: Options = { relax_column_count: true, skip_empty_lines: true, info: true };

interface Header {
  /** Column name → its first position (2.3.0 repeats two names). */
  position: Map<string, number>;
  /** Comma-separated pieces, counting the empty one after HAProxy's trailing comma. */
  pieces: number;
  named: number;
}

/** Same contract as parseStatsCsvColumns(), built on csv-parse. */
export function parseStatsCsvColumnsReference(
  text: string,
  columns: readonly string[],
): Record<string, string>[] {
  checkFirstLine(text);
  // A body cut between the \r and \n of its last CRLF is whole; csv-parse would keep the \r as data.
  const records = parseRecords(text.endsWith('\r') ? text.slice(0, -1) : text);
  const rows: Record<string, string>[] = [];
  let header: Header | undefined;
  records.forEach(({ record, info }, i) => {
    const last = i === records.length - 1;
    const first = record[0] ?? '';
    if (first.startsWith('# ')) {
      header = readHeader(record, info.lines, last);
      return;
    }
    if (header === undefined) throw new StatsParseError('not-csv', 'not CSV: no header line');
    if (record.some((field) => /[\r\n]/.test(field))) {
      throw new StatsParseError(
        'garbled',
        `garbled stats CSV: a quoted field spans lines (line ${info.lines})`,
      );
    }
    if (record.length < header.pieces) {
      const counts = `${Math.max(record.length - (header.pieces - header.named), 0)} of ${header.named} fields`;
      throw last
        ? new StatsParseError('truncated', `truncated stats CSV: the last line (${info.lines}) has ${counts}`)
        : new StatsParseError('garbled', `garbled stats CSV: line ${info.lines} has ${counts}`);
    }
    const { position } = header;
    rows.push(Object.fromEntries(columns.map((name) => [name, record[position.get(name) ?? -1] ?? ''])));
  });
  return rows;
}

/** Arrays of fields, the way csv-parse returns them (the benchmark's "csv-parse" figure). */
export function parseCsvArrays(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
}

function checkFirstLine(text: string): void {
  const firstLine = text.split(/\r?\n/).find((line) => line !== '');
  if (firstLine === undefined) throw new StatsParseError('not-csv', 'not CSV: empty response');
  let first: string[] | undefined;
  try {
    first = (parse(text, { ...OPTIONS, info: false, to: 1 }) as string[][])[0];
  } catch {
    // csv-parse rejects the first line (an HTML page holds stray quotes): not CSV either.
  }
  if (first?.[0] !== '# pxname') {
    throw new StatsParseError(
      'not-csv',
      `not CSV: the response starts with "${firstLine.trim().slice(0, 40)}"`,
    );
  }
}

function parseRecords(text: string): { record: string[]; info: { lines: number } }[] {
  try {
    // With `info: true` csv-parse returns { record, info } objects, which its typings do not express.
    return parse(text, OPTIONS) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const kind = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'truncated' : 'garbled';
    throw new StatsParseError(kind, `${kind} stats CSV: ${error.message}`);
  }
}

function readHeader(record: string[], line: number, last: boolean): Header {
  const names = [(record[0] ?? '').slice(2), ...record.slice(1)];
  if (names[0] !== 'pxname') {
    throw new StatsParseError('garbled', `garbled stats CSV: line ${line} is not a "# pxname,…" header`);
  }
  if (last && names[names.length - 1] !== '') {
    throw new StatsParseError('truncated', 'truncated stats CSV: the response ends inside the header line');
  }
  const position = new Map<string, number>();
  names.forEach((name, i) => position.has(name) || position.set(name, i));
  return {
    position,
    pieces: names.length,
    named: names[names.length - 1] === '' ? names.length - 1 : names.length,
  };
}
