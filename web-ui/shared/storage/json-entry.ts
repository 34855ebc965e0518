import type { KeyValueStore } from './till-storage.js';

/** A stored JSON object, or null when absent or not an object (a damaged entry reads as nothing). */
export function readJsonEntry(storage: KeyValueStore, key: string): Record<string, unknown> | null {
  const raw = storage.getItem(key);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Stores an object as JSON; null removes the entry. */
export function writeJsonEntry(storage: KeyValueStore, key: string, value: object | null): void {
  if (value === null) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(value));
}
