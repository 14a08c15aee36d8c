import 'server-only';
/**
 * Random ids and secrets, their stored hashes, and passwords. Secrets (32 random bytes) are stored as SHA-256 and
 * compared with timingSafeEqual. Passwords use scrypt (memory-hard) at OWASP's parameters: N=2^17, r=8, p=1
 * (128 MiB, about a quarter second here), salted per user; the parameters are stored with each hash.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Credential } from '../credentials';

export function newCredential(): Credential {
  return { id: randomBytes(8).toString('hex'), secret: randomBytes(32).toString('base64url') };
}

export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** Whether `secret` is the one whose hash was stored; constant time for a hash of the right length. */
export function secretMatches(secret: string, storedHash: Buffer | Uint8Array): boolean {
  const given = hashSecret(secret);
  return storedHash.length === given.length && timingSafeEqual(given, storedHash);
}

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const options = (N: number, r: number, p: number): ScryptOptions => ({ N, r, p, maxmem: 256 * N * r });

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength } = SCRYPT;
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, keyLength, options(N, r, p));
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    expected.length,
    options(+N!, +r!, +p!),
  );
  return timingSafeEqual(key, expected);
}

/**
 * A hash of a password nobody has: an unknown user's sign-in verifies against it, so it takes as long as a known
 * user's wrong password (no user enumeration by timing).
 */
let decoy: Promise<string> | null = null;
export const decoyPasswordHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

export const randomPassword = () => randomBytes(15).toString('base64url');
