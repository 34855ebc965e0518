import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  pbkdf2Sync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Adyen's protection of local Terminal API messages: keys derived from a shared passphrase (PBKDF2-SHA1,
 * salt "AdyenNexoV1Salt", 4000 rounds, 80 bytes: HMAC key, AES key, IV), the JSON encrypted with
 * AES-256-CBC under IV xor a per-message nonce, and an HMAC-SHA256 of the plaintext. The terminal refuses
 * anything else, and so must we: a reply whose HMAC fails is not a reply.
 */
export interface NexoKey {
  passphrase: string;
  keyIdentifier: string;
  keyVersion: number;
}

export interface SecurityTrailer {
  AdyenCryptoVersion: number;
  KeyIdentifier: string;
  KeyVersion: number;
  Nonce: string;
  Hmac: string;
}

export interface SecuredMessage {
  MessageHeader: Record<string, unknown>;
  NexoBlob: string;
  SecurityTrailer: SecurityTrailer;
}

export class NexoSecurityError extends Error {
  override name = 'NexoSecurityError';
}

interface DerivedKey {
  hmacKey: Buffer;
  cipherKey: Buffer;
  iv: Buffer;
}

const SALT = Buffer.from('AdyenNexoV1Salt', 'latin1');
const ROUNDS = 4000;
const HMAC_KEY_BYTES = 32;
const CIPHER_KEY_BYTES = 32;
const IV_BYTES = 16;
// Derivation costs milliseconds; a terminal's passphrase rarely changes, so derive once per passphrase.
const derived = new Map<string, DerivedKey>();

function derive(passphrase: string): DerivedKey {
  const cached = derived.get(passphrase);
  if (cached) return cached;
  const material = pbkdf2Sync(
    Buffer.from(passphrase, 'latin1'),
    SALT,
    ROUNDS,
    HMAC_KEY_BYTES + CIPHER_KEY_BYTES + IV_BYTES,
    'sha1',
  );
  const key = {
    hmacKey: material.subarray(0, HMAC_KEY_BYTES),
    cipherKey: material.subarray(HMAC_KEY_BYTES, HMAC_KEY_BYTES + CIPHER_KEY_BYTES),
    iv: material.subarray(HMAC_KEY_BYTES + CIPHER_KEY_BYTES),
  };
  derived.set(passphrase, key);
  return key;
}

function messageIv(key: DerivedKey, nonce: Buffer): Buffer {
  const iv = Buffer.alloc(IV_BYTES);
  for (let i = 0; i < IV_BYTES; i++) iv[i] = (key.iv[i] ?? 0) ^ (nonce[i] ?? 0);
  return iv;
}

/** Encrypts the plaintext message (the whole {"SaleToPOIRequest": ...} JSON) for the wire. */
export function seal(header: Record<string, unknown>, plaintext: string, key: NexoKey): SecuredMessage {
  const k = derive(key.passphrase);
  const nonce = randomBytes(IV_BYTES);
  const bytes = Buffer.from(plaintext, 'utf8');
  const cipher = createCipheriv('aes-256-cbc', k.cipherKey, messageIv(k, nonce));
  const blob = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return {
    MessageHeader: header,
    NexoBlob: blob.toString('base64'),
    SecurityTrailer: {
      AdyenCryptoVersion: 1,
      KeyIdentifier: key.keyIdentifier,
      KeyVersion: key.keyVersion,
      Nonce: nonce.toString('base64'),
      Hmac: createHmac('sha256', k.hmacKey).update(bytes).digest('base64'),
    },
  };
}

/** Decrypts and authenticates a secured message; throws NexoSecurityError when it is not genuine. */
export function open(message: SecuredMessage, key: NexoKey): string {
  if (message.SecurityTrailer.KeyIdentifier !== key.keyIdentifier) {
    throw new NexoSecurityError(
      `message is for key ${message.SecurityTrailer.KeyIdentifier}, not ${key.keyIdentifier}`,
    );
  }
  const k = derive(key.passphrase);
  const nonce = Buffer.from(message.SecurityTrailer.Nonce, 'base64');
  if (nonce.length !== IV_BYTES) throw new NexoSecurityError('nonce has the wrong length');
  let bytes: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', k.cipherKey, messageIv(k, nonce));
    bytes = Buffer.concat([decipher.update(Buffer.from(message.NexoBlob, 'base64')), decipher.final()]);
  } catch {
    throw new NexoSecurityError('message cannot be decrypted with this key');
  }
  const expected = createHmac('sha256', k.hmacKey).update(bytes).digest();
  const received = Buffer.from(message.SecurityTrailer.Hmac, 'base64');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new NexoSecurityError('HMAC does not match: message altered or wrong key');
  }
  return bytes.toString('utf8');
}
