import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs and passwords are stored as 'scrypt$N$r$p$salt$hash' (salt and hash base64), so the cost can be
 * raised later and old hashes still verify with the parameters they were made with. Hashing is
 * synchronous on purpose: verification happens inside request handling that must answer in one step
 * (a supervisor override), and at N=2^14 one hash costs tens of milliseconds.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_BYTES = 16;
// A stored hash is data: refuse parameters that would make a corrupted row cost gigabytes to check.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function scryptMaxmem(params: ScryptParams): number {
  return 128 * params.N * params.r * params.p + 1024 * 1024;
}

export function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(secret.normalize('NFKC'), salt, KEY_LENGTH, {
    ...params,
    maxmem: scryptMaxmem(params),
  });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

function parseEncoded(encoded: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const valid =
    Number.isSafeInteger(N) &&
    N >= 2 &&
    N <= MAX_N &&
    (N & (N - 1)) === 0 &&
    Number.isSafeInteger(r) &&
    r >= 1;
  if (!valid || r > MAX_R || !Number.isSafeInteger(p) || p < 1 || p > MAX_P) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || hash.length === 0) return null;
  return { params: { N, r, p }, salt, hash };
}

/** Constant-time comparison; a malformed stored hash never verifies. */
export function verifySecret(secret: string, encoded: string): boolean {
  const parsed = parseEncoded(encoded);
  if (!parsed) return false;
  const { params, salt, hash } = parsed;
  const candidate = scryptSync(secret.normalize('NFKC'), salt, hash.length, {
    ...params,
    maxmem: scryptMaxmem(params),
  });
  return timingSafeEqual(candidate, hash);
}

/** A bearer credential: 32 random bytes, base64url (43 characters, safe in headers and cookies). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are random, so a plain SHA-256 is enough to store them: a leaked database gives no usable
 * token, and lookups stay one indexed equality.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time string equality for tokens compared in code (the CSRF header). */
export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
