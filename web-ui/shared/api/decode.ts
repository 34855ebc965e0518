/**
 * Small checks for the hub's JSON answers. The browser does not trust a body's shape just because the
 * hub promised it: a half-upgraded hub or a captive portal must give a clear error, not undefined later.
 */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export type Json = Readonly<Record<string, unknown>>;

export function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(`${what}: expected an object`);
  }
  return value as Json;
}

export function string(o: Json, key: string, what: string): string {
  const value = o[key];
  if (typeof value !== 'string') throw new DecodeError(`${what}.${key}: expected a string`);
  return value;
}

export function optionalString(o: Json, key: string, what: string): string | null {
  const value = o[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new DecodeError(`${what}.${key}: expected a string`);
  return value;
}

export function integer(o: Json, key: string, what: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DecodeError(`${what}.${key}: expected an integer`);
  }
  return value;
}

export function array(o: Json, key: string, what: string): readonly unknown[] {
  const value = o[key];
  if (!Array.isArray(value)) throw new DecodeError(`${what}.${key}: expected an array`);
  return value;
}

export function oneOf<const T extends string>(o: Json, key: string, allowed: readonly T[], what: string): T {
  const value = string(o, key, what);
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new DecodeError(`${what}.${key}: unexpected "${value}"`);
  return found;
}
