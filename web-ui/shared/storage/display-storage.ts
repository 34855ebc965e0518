import { readJsonEntry, writeJsonEntry } from './json-entry.js';
import type { KeyValueStore } from './till-storage.js';

/** A paired customer display's credential. */
export interface DisplayCredentials {
  displayId: string;
  token: string;
}

/** A pairing in progress, so a reload keeps showing (and polling) the same code. */
export interface PendingDisplayPairing {
  displayId: string;
  code: string;
  secret: string;
  expiresAt: string;
}

const PREFIX = 'store-hub.display.';

/** What a customer display keeps in localStorage; separate from a till's keys on the same browser. */
export class DisplayStorage {
  constructor(private readonly storage: KeyValueStore) {}

  get credentials(): DisplayCredentials | null {
    const o = this.#read('credentials');
    const displayId = o?.displayId;
    const token = o?.token;
    return typeof displayId === 'string' && typeof token === 'string' ? { displayId, token } : null;
  }

  set credentials(value: DisplayCredentials | null) {
    this.#write('credentials', value);
  }

  get pending(): PendingDisplayPairing | null {
    const o = this.#read('pairing');
    if (o === null) return null;
    const { displayId, code, secret, expiresAt } = o;
    if (
      typeof displayId !== 'string' ||
      typeof code !== 'string' ||
      typeof secret !== 'string' ||
      typeof expiresAt !== 'string'
    ) {
      return null;
    }
    return { displayId, code, secret, expiresAt };
  }

  set pending(value: PendingDisplayPairing | null) {
    this.#write('pairing', value);
  }

  #read(key: string): Record<string, unknown> | null {
    return readJsonEntry(this.storage, PREFIX + key);
  }

  #write(key: string, value: object | null): void {
    writeJsonEntry(this.storage, PREFIX + key, value);
  }
}
