/**
 * What a till remembers across reloads, in localStorage under one prefix. Storage is passed in (the
 * Web Storage interface), so tests use a Map-backed fake and nothing else touches localStorage.
 */
export interface TillCredentials {
  tillId: string;
  token: string;
  name: string;
}

/** A pairing in progress: the secret lets a reloaded page keep polling the same request. */
export interface PendingPairing {
  tillId: string;
  secret: string;
  code: string | null;
  expiresAt: string;
  name: string;
}

/** The part of Web Storage used here (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'store-hub.till.';

export class TillStorage {
  constructor(private readonly storage: KeyValueStore) {}

  get credentials(): TillCredentials | null {
    const o = this.#read('credentials');
    if (o === null) return null;
    const { tillId, token, name } = o;
    if (typeof tillId !== 'string' || typeof token !== 'string' || typeof name !== 'string') return null;
    return { tillId, token, name };
  }

  set credentials(value: TillCredentials | null) {
    this.#write('credentials', value);
  }

  get pendingPairing(): PendingPairing | null {
    const o = this.#read('pairing');
    if (o === null) return null;
    const { tillId, secret, code, expiresAt, name } = o;
    if (
      typeof tillId !== 'string' ||
      typeof secret !== 'string' ||
      typeof expiresAt !== 'string' ||
      typeof name !== 'string' ||
      (code !== null && typeof code !== 'string')
    ) {
      return null;
    }
    return { tillId, secret, code, expiresAt, name };
  }

  set pendingPairing(value: PendingPairing | null) {
    this.#write('pairing', value);
  }

  /** The language a cashier picked on this till, if any. */
  get locale(): string | null {
    return this.storage.getItem(`${PREFIX}locale`);
  }

  rememberLocale(value: string): void {
    this.storage.setItem(`${PREFIX}locale`, value);
  }

  #read(key: string): Record<string, unknown> | null {
    const raw = this.storage.getItem(PREFIX + key);
    if (raw === null) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  #write(key: string, value: object | null): void {
    if (value === null) this.storage.removeItem(PREFIX + key);
    else this.storage.setItem(PREFIX + key, JSON.stringify(value));
  }
}
