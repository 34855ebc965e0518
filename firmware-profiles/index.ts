// Loads every firmware profile under this folder, resolves `extends` and validates the result, so a bad
// profile stops start-up with the file and field named rather than misprinting later.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ProfileSchema, RawProfileSchema } from './schema.js';
import type { FirmwareProfile, PrinterProfile, ProfileKind } from './schema.js';

export * from './schema.js';

export const PROFILES_DIR = fileURLToPath(new URL('.', import.meta.url));

/** A profile that cannot be loaded: `file` relative to the profiles folder, `field` a dotted path or ''. */
export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}${field === '' ? '' : ` (${field})`}: ${detail}`);
    this.name = 'ProfileError';
  }
}

export interface ProfileSet {
  all: readonly FirmwareProfile[];
  get(id: string): FirmwareProfile | undefined;
  /** The profile, or throws naming the id (and the kind when it is another kind). */
  require<K extends ProfileKind>(id: string, kind: K): Extract<FirmwareProfile, { kind: K }>;
}

interface RawFile {
  file: string;
  id: string;
  parent: string | undefined;
  data: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays, scalars and null from the child replace the parent's. */
function merge(parent: Json, child: Json): Json {
  const out: Json = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const base = out[key];
    out[key] = isPlainObject(base) && isPlainObject(value) ? merge(base, value) : value;
  }
  return out;
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

function readRaw(dir: string, path: string): RawFile {
  const file = relative(dir, path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ProfileError(file, '', `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const raw = RawProfileSchema.safeParse(json);
  if (!raw.success) {
    const issue = raw.error.issues[0];
    throw new ProfileError(file, issue === undefined ? '' : issuePath(issue), issue?.message ?? 'invalid');
  }
  const id = basename(path, '.json');
  if (raw.data.id !== id)
    throw new ProfileError(file, 'id', `"${raw.data.id}" must match the file name "${id}"`);
  return { file, id, parent: raw.data.extends ?? undefined, data: raw.data };
}

function resolveAll(files: Map<string, RawFile>): FirmwareProfile[] {
  const merged = new Map<string, Json>();
  const resolve = (raw: RawFile, chain: string[]): Json => {
    const done = merged.get(raw.id);
    if (done !== undefined) return done;
    if (chain.includes(raw.id)) {
      throw new ProfileError(raw.file, 'extends', `inheritance cycle ${[...chain, raw.id].join(' -> ')}`);
    }
    let data: Json = raw.data;
    if (raw.parent !== undefined) {
      const parentFile = files.get(raw.parent);
      if (parentFile === undefined)
        throw new ProfileError(raw.file, 'extends', `unknown parent "${raw.parent}"`);
      const parent = resolve(parentFile, [...chain, raw.id]);
      if (raw.data['kind'] !== undefined && raw.data['kind'] !== parent['kind']) {
        throw new ProfileError(
          raw.file,
          'kind',
          `${JSON.stringify(raw.data['kind'])} differs from its parent's kind "${String(parent['kind'])}"`,
        );
      }
      // Identity and documentation belong to the file itself, never to its parent.
      const { abstract: _a, notes: _n, ...inherited } = parent;
      data = merge(inherited, raw.data);
    }
    merged.set(raw.id, data);
    return data;
  };

  return [...files.values()].map((raw) => {
    const parsed = ProfileSchema.safeParse(resolve(raw, []));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProfileError(
        raw.file,
        issue === undefined ? '' : issuePath(issue),
        issue?.message ?? 'invalid',
      );
    }
    return parsed.data;
  });
}

/** Every `*.json` under `dir` (default: this folder), resolved and validated; throws a ProfileError. */
export function loadProfiles(dir: string = PROFILES_DIR): ProfileSet {
  const files = new Map<string, RawFile>();
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.json'))
    .sort();
  for (const path of paths) {
    const raw = readRaw(dir, join(dir, path));
    const clash = files.get(raw.id);
    if (clash !== undefined)
      throw new ProfileError(raw.file, 'id', `"${raw.id}" is also used by ${clash.file}`);
    files.set(raw.id, raw);
  }
  const all = resolveAll(files);
  const byId = new Map(all.map((p) => [p.id, p]));
  return {
    all,
    get: (id) => byId.get(id),
    require<K extends ProfileKind>(id: string, kind: K) {
      const profile = byId.get(id);
      if (profile === undefined) throw new RangeError(`Unknown firmware profile "${id}"`);
      if (profile.kind !== kind)
        throw new RangeError(`Firmware profile "${id}" is a ${profile.kind}, not a ${kind}`);
      return profile as Extract<FirmwareProfile, { kind: K }>;
    },
  };
}

let cached: ProfileSet | undefined;

/** The shipped profile by id (loaded once); throws for an unknown id. */
export function getProfile(id: string): FirmwareProfile {
  cached ??= loadProfiles();
  const profile = cached.get(id);
  if (profile === undefined) throw new RangeError(`Unknown firmware profile "${id}"`);
  return profile;
}

/** The shipped printer profile by id; throws when it is unknown or not a printer. */
export function getPrinterProfile(id: string): PrinterProfile {
  cached ??= loadProfiles();
  return cached.require(id, 'printer');
}
