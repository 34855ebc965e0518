import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoCatalog } from '../../scripts/demo/catalog-seed.js';
import type { HubContext } from '../context.js';
import type { AccessModule } from '../services/access/access-module.js';
import { BUILTIN_ROLE_IDS } from '../services/access/roles.js';
import type { CatalogModule } from '../services/catalog/catalog-module.js';
import type { SettingsModule } from '../services/settings/settings-module.js';

/** What a newcomer needs to make a first sale, printed on the console at every demo start. */
export interface DemoCredentials {
  staff: { role: 'cashier' | 'supervisor' | 'manager'; name: string; id: string; pin: string }[];
  admin: { login: string; password: string };
  sampleBarcodes: string[];
}

export interface DemoStart extends DemoCredentials {
  /** The till the pairing code makes; the demo's devices are assigned to it. */
  tillId: string;
  pairingCode: string;
  pairingExpiresAt: string;
}

const CREDENTIALS_FILE = 'demo-credentials.json';

const DEMO_STAFF = [
  { role: 'cashier', name: 'Anna Cashier', pin: '2468' },
  { role: 'supervisor', name: 'Bo Supervisor', pin: '3579' },
  { role: 'manager', name: 'Mette Manager', pin: '4826' },
] as const;

/**
 * Seeds a fresh demo store (catalog, three staff) once, and on every demo start issues a new till pairing
 * code. The admin password is random per demo store; it is kept in plain text in the data dir only so a
 * restarted demo can print it again — a demo convenience a real store never gets.
 */
export function startDemoStore(
  ctx: HubContext,
  dataDir: string,
  mods: { settings: SettingsModule; catalog: CatalogModule; access: AccessModule },
): DemoStart {
  const file = join(dataDir, CREDENTIALS_FILE);
  const credentials = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials)
    : seedDemo(ctx, file, mods);
  const pairing = mods.access.service.tills.createPairingCodeForDemo('Demo till', 60 * 60 * 1000);
  return {
    ...credentials,
    tillId: pairing.tillId,
    pairingCode: pairing.code,
    pairingExpiresAt: pairing.expiresAt,
  };
}

function seedDemo(
  ctx: HubContext,
  file: string,
  mods: { settings: SettingsModule; catalog: CatalogModule; access: AccessModule },
): DemoCredentials {
  const catalog = seedDemoCatalog(ctx, { settings: mods.settings, catalog: mods.catalog });
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const staff = DEMO_STAFF.map((member) => {
    const created = mods.access.service.staff.createAsSystem({
      name: member.name,
      roleId: BUILTIN_ROLE_IDS[member.role],
      pin: member.pin,
      ...(member.role === 'manager' ? { login: 'manager', password } : {}),
    });
    return { role: member.role, name: member.name, id: created.id, pin: member.pin };
  });
  const credentials: DemoCredentials = {
    staff,
    admin: { login: 'manager', password },
    sampleBarcodes: catalog.sampleBarcodes.slice(0, 5),
  };
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  ctx.log('info', 'demo store seeded', { products: catalog.products, categories: catalog.categories });
  return credentials;
}

export interface DemoDevicesInfo {
  mqttPort: number;
  receiptsDir: string;
  serialDevices: boolean;
  /** Where e-receipt QR codes point (the store's publicBaseUrl or the hub's LAN URL). */
  receiptBaseUrl: string | null;
}

export function demoBanner(demo: DemoStart, url: string, devices: DemoDevicesInfo): string {
  const lines = [
    '',
    '  Demo store is ready.',
    `  Till:    ${url}/till     pairing code: ${demo.pairingCode} (valid until ${demo.pairingExpiresAt})`,
    `  Admin:   ${url}/admin    login: ${demo.admin.login}   password: ${demo.admin.password}`,
    `  API:     ${url}/api/v1   OpenAPI: ${url}/api/v1/openapi.json`,
    '  Staff PINs:',
    ...demo.staff.map((s) => `    ${s.role.padEnd(11)} ${s.name.padEnd(16)} PIN ${s.pin}`),
    `  Barcodes to try: ${demo.sampleBarcodes.join('  ')}`,
    `  Devices: simulated receipt printer, cash drawer and card terminal${devices.serialDevices ? ', scale, scanner and pole display' : ' (no socat: no serial scale, scanner or display)'}; MQTT on port ${devices.mqttPort}`,
    `  Printed receipts (text and PNG): ${devices.receiptsDir}`,
    `  E-receipt QR codes open ${devices.receiptBaseUrl ?? '(nothing: no public URL)'}/r/… on phones on this network (settings: publicBaseUrl)`,
    '',
  ];
  return lines.join('\n');
}
