import { describe, expect, it } from 'vitest';
import {
  generateToken,
  hashSecret,
  hashToken,
  tokensEqual,
  verifySecret,
} from '../../../hub/services/access/secrets.js';

describe('secrets', () => {
  it('hashes with a random salt in the scrypt$N$r$p$salt$hash form and verifies', () => {
    const a = hashSecret('1111', { N: 1024, r: 8, p: 1 });
    const b = hashSecret('1111', { N: 1024, r: 8, p: 1 });
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(verifySecret('1111', a)).toBe(true);
    expect(verifySecret('1112', a)).toBe(false);
  });

  it('uses the default cost when none is given', () => {
    expect(hashSecret('a long password')).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('never verifies against a malformed or absurd stored hash', () => {
    expect(verifySecret('x', 'plain')).toBe(false);
    expect(verifySecret('x', 'scrypt$3$8$1$AAAA$AAAA')).toBe(false);
    expect(verifySecret('x', `scrypt$${2 ** 30}$8$1$AAAA$AAAA`)).toBe(false);
    expect(verifySecret('x', 'scrypt$1024$8$1$$')).toBe(false);
  });

  it('makes 32-byte base64url tokens and stores them as SHA-256 hex', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(token, `${token}x`)).toBe(false);
  });
});
