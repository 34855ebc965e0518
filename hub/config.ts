import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Hub settings: defaults < config file (HUB_CONFIG, JSON) < environment. A bad value stops the hub with a
 * message naming the setting and where it came from, so a technician fixes the right thing.
 */
const PortSchema = z.number().int().min(0).max(65535);

export const ConfigSchema = z.strictObject({
  http: z.strictObject({
    host: z.string().min(1).default('0.0.0.0'),
    port: PortSchema.default(8080),
  }),
  mqtt: z.strictObject({
    host: z.string().min(1).default('0.0.0.0'),
    port: PortSchema.default(1883),
  }),
  dataDir: z.string().min(1).default('./data'),
  /** undefined: demo when the data dir holds no database yet (plain `npm start` on a fresh checkout). */
  demo: z.boolean().optional(),
  storeId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes, at most 32')
    .default('store'),
  /** Country preset for a clean store's first settings (currency, taxes, rounding). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code such as DK')
    .default('DK'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type HubConfig = z.infer<typeof ConfigSchema> & {
  /** Which ports were given explicitly: only defaults may be moved by the demo when taken. */
  explicitPorts: { http: boolean; mqtt: boolean };
  dbPath: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const ENV_SETTINGS: Record<string, { path: [string, ...string[]]; parse: (raw: string) => unknown }> = {
  HUB_HTTP_PORT: { path: ['http', 'port'], parse: parseIntStrict },
  HUB_HTTP_HOST: { path: ['http', 'host'], parse: (raw) => raw },
  HUB_MQTT_PORT: { path: ['mqtt', 'port'], parse: parseIntStrict },
  HUB_DATA_DIR: { path: ['dataDir'], parse: (raw) => raw },
  HUB_DEMO: { path: ['demo'], parse: parseFlag },
  HUB_STORE_ID: { path: ['storeId'], parse: (raw) => raw },
  HUB_COUNTRY: { path: ['country'], parse: (raw) => raw },
  HUB_LOG_LEVEL: { path: ['logLevel'], parse: (raw) => raw },
};

function parseIntStrict(raw: string): unknown {
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

function parseFlag(raw: string): unknown {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return raw;
}

type Tree = Record<string, unknown>;

function setPath(tree: Tree, path: readonly string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    node[key] = typeof child === 'object' && child !== null ? child : {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1] ?? ''] = value;
}

function readConfigFile(path: string): Tree {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`HUB_CONFIG: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError(`HUB_CONFIG: ${path} must hold a JSON object`);
    }
    return parsed as Tree;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`HUB_CONFIG: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const tree: Tree = env.HUB_CONFIG ? readConfigFile(env.HUB_CONFIG) : {};
  const sources = new Map<string, string>();
  for (const [name, setting] of Object.entries(ENV_SETTINGS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    setPath(tree, setting.path, setting.parse(raw));
    sources.set(setting.path.join('.'), name);
  }
  tree.http ??= {};
  tree.mqtt ??= {};
  const parsed = ConfigSchema.safeParse(tree);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.map(String).join('.') || '(root)';
      const source = sources.get(key) ?? (env.HUB_CONFIG ? `in ${env.HUB_CONFIG}` : 'default');
      return `  ${key} (${source}): ${issue.message}`;
    });
    throw new ConfigError(`Invalid hub configuration:\n${lines.join('\n')}`);
  }
  const fileTree = env.HUB_CONFIG ? readConfigFile(env.HUB_CONFIG) : {};
  const hasFilePort = (section: string) => {
    const node = fileTree[section];
    return typeof node === 'object' && node !== null && 'port' in node;
  };
  const dataDir = resolve(parsed.data.dataDir);
  return {
    ...parsed.data,
    dataDir,
    dbPath: resolve(dataDir, 'hub.db'),
    explicitPorts: {
      http: sources.has('http.port') || hasFilePort('http'),
      mqtt: sources.has('mqtt.port') || hasFilePort('mqtt'),
    },
  };
}
