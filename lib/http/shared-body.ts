import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BOOT_ID } from './boot-id';

const gzipAsync = promisify(gzip);

/**
 * One JSON answer shared by every request for the same data until that data changes: encoded once, gzipped once
 * (in libuv's thread pool, off the event loop) and tagged, so a tab that already holds it gets 304 and no bytes.
 * At 10,000 servers the snapshot is ~14 MB of JSON: building and compressing it per request was most of the
 * server's CPU with a few dashboards open.
 */
export class SharedBody {
  private gzipped: Promise<Buffer> | null = null;

  constructor(
    /** The UTF-8 JSON text. */
    readonly raw: Buffer,
    /** A weak entity tag: two requests with the same tag got the same data. */
    readonly etag: string,
  ) {}

  /** The gzip of `raw`, compressed on the first request that accepts it and kept. */
  gzip(): Promise<Buffer> {
    return (this.gzipped ??= gzipAsync(this.raw));
  }
}

/**
 * How a route says its body is gzipped already: Next drops a route handler's own Content-Encoding and compresses
 * again, so `server.mjs` turns this header into Content-Encoding on the way out (it says the same name).
 */
export const ROUTE_ENCODING_HEADER = 'x-hapscope-content-encoding';

/** Below this a body goes out as it is: compressing it saves less than the header costs. */
const GZIP_MIN_BYTES = 1024;

/** Headers every answer of a shared body carries: a cache (the browser's) may keep it, but must ask first. */
const SHARED_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'private, no-cache',
  vary: 'Accept-Encoding',
};

/**
 * The answer to `request` from `body`: 304 when its `If-None-Match` names the body's tag, else the body, gzipped
 * when the request accepts gzip. `headers` are added to either (per-request facts, such as the server's clock).
 */
export async function respondShared(
  request: Request,
  body: SharedBody,
  headers: Record<string, string> = {},
): Promise<Response> {
  const common = { ...SHARED_HEADERS, etag: body.etag, ...headers };
  if (matchesEtag(request.headers.get('if-none-match'), body.etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  if (body.raw.length >= GZIP_MIN_BYTES && acceptsGzip(request.headers.get('accept-encoding'))) {
    const gzipped = await body.gzip();
    return new Response(view(gzipped), {
      headers: { ...common, [ROUTE_ENCODING_HEADER]: 'gzip', 'content-length': String(gzipped.length) },
    });
  }
  return new Response(view(body.raw), {
    headers: { ...common, 'content-length': String(body.raw.length) },
  });
}

/** The bytes of a Buffer as a body, without copying them here (the Response copies them once). */
const view = (buffer: Buffer) =>
  new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);

/** `If-None-Match` (a list of tags, or `*`) compared weakly, as RFC 9110 §13.1.2 has it for GET. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** Whether `Accept-Encoding` takes gzip: named (or `*`) without `q=0`. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  let star = false;
  for (const part of acceptEncoding.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const accepted = q === undefined || Number(q) > 0;
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') return accepted;
    if (coding.trim() === '*') star = accepted;
  }
  return star;
}

/**
 * Shared bodies by key (which data: the whole snapshot, one share's part, one uptime query), each rebuilt when its
 * version (the collector's generation) moves on. Bounded: past `maxKeys` keys it starts again empty.
 */
export class SharedBodies {
  private readonly bodies = new Map<string, { version: number; body: SharedBody }>();
  private readonly building = new Map<string, { version: number; body: Promise<SharedBody> }>();

  constructor(private readonly maxKeys = 256) {}

  get(key: string, version: number, build: () => string): SharedBody {
    const held = this.bodies.get(key);
    if (held && held.version === version) return held.body;
    if (!held && this.bodies.size >= this.maxKeys) this.bodies.clear();
    const body = new SharedBody(Buffer.from(build()), tag(key, version));
    this.bodies.set(key, { version, body });
    return body;
  }

  /**
   * As get, for data read asynchronously (the store): requests that come while it is read wait for that one read.
   * A read that fails is not kept; each of them gets its error.
   */
  async getAsync(key: string, version: number, build: () => Promise<string>): Promise<SharedBody> {
    const held = this.bodies.get(key);
    if (held && held.version === version) return held.body;
    const pending = this.building.get(key);
    if (pending && pending.version === version) return pending.body;
    const body = build().then((json) => {
      const current = this.bodies.get(key);
      // A newer version was built meanwhile: this one answers its own requests and is not kept.
      if (current && current.version > version) return new SharedBody(Buffer.from(json), tag(key, version));
      return this.get(key, version, () => json);
    });
    this.building.set(key, { version, body });
    try {
      return await body;
    } finally {
      if (this.building.get(key)?.body === body) this.building.delete(key);
    }
  }
}

const tag = (key: string, version: number) => `W/"${BOOT_ID}.${version}.${tagOf(key)}"`;

/** A short stable digest of a key (FNV-1a), so tags of different keys differ without spelling the key out. */
function tagOf(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
