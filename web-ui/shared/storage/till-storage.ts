import type { StoreFormat } from '../format/store-format.js';
import { readJsonEntry, writeJsonEntry } from './json-entry.js';

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

  /** The store's money format as last read from the hub, so a till started while the hub is away shows it. */
  get storeFormat(): StoreFormat | null {
    const o = this.#read('store-format');
    if (o === null) return null;
    const { locale, currency, cashStepMinor } = o;
    if (typeof locale !== 'string' || typeof currency !== 'string') return null;
    return Number.isSafeInteger(cashStepMinor) && (cashStepMinor as number) > 0
      ? { locale, currency, cashStepMinor: cashStepMinor as number }
      : { locale, currency };
  }

  set storeFormat(value: StoreFormat | null) {
    this.#write('store-format', value);
  }

  /** The language a cashier picked on this till, if any. */
  get locale(): string | null {
    return this.storage.getItem(`${PREFIX}locale`);
  }

  rememberLocale(value: string): void {
    this.storage.setItem(`${PREFIX}locale`, value);
  }

  #read(key: string): Record<string, unknown> | null {
    return readJsonEntry(this.storage, PREFIX + key);
  }

  #write(key: string, value: object | null): void {
    writeJsonEntry(this.storage, PREFIX + key, value);
  }
}
