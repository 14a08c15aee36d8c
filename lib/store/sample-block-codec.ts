/**
 * One series' raw samples of a block of time as one compact value (raw-samples.ts): per sample a bit mask of the
 * fields that differ from the sample before, the time since it, then only those fields. Integers are stored as
 * the change from the field's previous value, error rates (4 decimals) scaled to integers, anything else as a
 * float64, so a block reads back exactly as written. Both stores keep it (BLOB, BYTEA). Pure.
 */

/** A stored sample: its time and its fields by column name (every field a number or null). */
export type BlockSample = { at: number } & Record<string, number | null>;

const VERSION = 1;
/** A field's value tag: null, float64, 4-decimal fixed point; integers are TAG_INT + zigzag(change). */
const TAG_NULL = 0;
const TAG_FLOAT = 1;
const TAG_DECIMAL = 2;
const TAG_INT = 3;
/** Zigzag of changes up to ±2^50 stays a safe integer after adding TAG_INT. */
const MAX_DELTA = 2 ** 50;

class Writer {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  /** An unsigned integer up to 2^53, 7 bits a byte (arithmetic, not bit operators: they stop at 32 bits). */
  varint(n: number): void {
    this.room(8);
    while (n >= 128) {
      this.bytes[this.length++] = (n % 128) + 128;
      n = Math.floor(n / 128);
    }
    this.bytes[this.length++] = n;
  }

  float(n: number): void {
    this.room(8);
    this.view.setFloat64(this.length, n, true);
    this.length += 8;
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
const isInt = (n: number) => Number.isSafeInteger(n) && !Object.is(n, -0);

function writeValue(out: Writer, value: number | null, previous: number | null): void {
  if (value === null) return out.varint(TAG_NULL);
  if (isInt(value)) {
    const delta = previous !== null && isInt(previous) ? value - previous : value;
    if (Math.abs(delta) < MAX_DELTA) return out.varint(TAG_INT + zigzag(delta));
  }
  const scaled = Math.round(value * 1e4);
  if (isInt(scaled) && Math.abs(scaled) < MAX_DELTA && scaled / 1e4 === value && !Object.is(value, -0)) {
    out.varint(TAG_DECIMAL);
    return out.varint(zigzag(scaled));
  }
  out.varint(TAG_FLOAT);
  out.float(value);
}

/** Samples in time order (no two at one time); `fields` names them, at most 30, in mask-bit order. */
export function encodeBlock(samples: readonly BlockSample[], fields: readonly string[]): Uint8Array {
  if (fields.length > 30) throw new Error('a block holds at most 30 fields');
  const out = new Writer();
  out.varint(VERSION);
  const last: (number | null)[] = fields.map(() => null);
  let lastAt = 0;
  for (const sample of samples) {
    if (sample.at < lastAt) throw new Error('block samples must be in time order');
    let mask = 0;
    for (let f = 0; f < fields.length; f++)
      if (!Object.is(sample[fields[f]!] ?? null, last[f])) mask |= 1 << f;
    out.varint(mask);
    out.varint(sample.at - lastAt);
    lastAt = sample.at;
    for (let f = 0; f < fields.length; f++) {
      if ((mask & (1 << f)) === 0) continue;
      const value = sample[fields[f]!] ?? null;
      writeValue(out, value, last[f]!);
      last[f] = value;
    }
  }
  return out.done();
}

class Reader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get more(): boolean {
    return this.offset < this.bytes.length;
  }

  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error('sample block ends inside a number');
      n += (byte % 128) * scale;
      if (byte < 128) return n;
      scale *= 128;
    }
  }

  float(): number {
    if (this.offset + 8 > this.bytes.length) throw new Error('sample block ends inside a number');
    const n = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return n;
  }
}

function readValue(input: Reader, previous: number | null): number | null {
  const tag = input.varint();
  if (tag === TAG_NULL) return null;
  if (tag === TAG_FLOAT) return input.float();
  if (tag === TAG_DECIMAL) return unzigzag(input.varint()) / 1e4;
  const delta = unzigzag(tag - TAG_INT);
  return previous !== null && isInt(previous) ? previous + delta : delta;
}

export function decodeBlock(data: Uint8Array, fields: readonly string[]): BlockSample[] {
  const input = new Reader(data);
  const version = input.varint();
  if (version !== VERSION) throw new Error(`sample block version ${version} is not known`);
  const last: (number | null)[] = fields.map(() => null);
  const samples: BlockSample[] = [];
  let at = 0;
  while (input.more) {
    const mask = input.varint();
    at += input.varint();
    const sample: BlockSample = { at };
    for (let f = 0; f < fields.length; f++) {
      if ((mask & (1 << f)) !== 0) last[f] = readValue(input, last[f]!);
      sample[fields[f]!] = last[f]!;
    }
    samples.push(sample);
  }
  return samples;
}
