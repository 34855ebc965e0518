import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceConfigInput } from '../../devices/host/config.js';
import { DriverHost } from '../../devices/host/driver-host.js';
import { getProfile } from '../../firmware-profiles/index.js';
import type { Principal } from '../contract/principal.js';
import type { Logger } from '../http/error-handler.js';
import type { DeviceService } from '../services/devices/device-service.js';
import type { Transport } from '../services/devices/transport.js';
import type { DemoSimulators } from './demo-simulators.js';

type DemoKind = 'printer' | 'drawer' | 'scale' | 'scanner' | 'display' | 'terminal';
type DemoDeviceIds = Partial<Record<DemoKind, string>>;

interface DeviceSpec {
  key: DemoKind;
  name: string;
  profileId: string;
  role: 'receipt_printer' | 'drawer' | 'scale' | 'scanner' | 'customer_display' | 'terminal';
  transport: Transport;
  /** Run by the hub's own driver host (the terminal is spoken to over HTTPS, the drawer via the printer). */
  hosted: boolean;
}

const IDS_FILE = 'demo-devices.json';

function serialTransport(profileId: string, path: string): Transport {
  const profile = getProfile(profileId);
  const serial = 'serial' in profile ? profile.serial : undefined;
  return {
    type: 'serial',
    path,
    baudRate: serial?.baudRate ?? 9600,
    dataBits: serial?.dataBits ?? 8,
    parity: serial?.parity ?? 'none',
    stopBits: serial?.stopBits ?? 1,
  };
}

function specs(sims: DemoSimulators): DeviceSpec[] {
  const list: DeviceSpec[] = [
    {
      key: 'printer',
      name: 'Receipt printer (simulated TM-T20III)',
      profileId: 'epson-tm-t20iii',
      role: 'receipt_printer',
      transport: { type: 'tcp', host: '127.0.0.1', port: sims.printer.port },
      hosted: true,
    },
    {
      key: 'terminal',
      name: 'Card terminal (simulated V400m)',
      profileId: 'adyen-v400m',
      role: 'terminal',
      transport: { type: 'https', host: '127.0.0.1', port: sims.nexo.port, poiId: sims.poiId },
      hosted: false,
    },
  ];
  const serial = sims.serial;
  if (serial) {
    list.push(
      {
        key: 'scale',
        name: 'Scale (simulated Ariva-S)',
        profileId: serial.scale.profile,
        role: 'scale',
        transport: serialTransport(serial.scale.profile, serial.scale.path),
        hosted: true,
      },
      {
        key: 'scanner',
        name: 'Scanner (simulated Voyager)',
        profileId: serial.scanner.profile,
        role: 'scanner',
        transport: serialTransport(serial.scanner.profile, serial.scanner.path),
        hosted: true,
      },
      {
        key: 'display',
        name: 'Pole display (simulated DM-D110)',
        profileId: serial.display.profile,
        role: 'customer_display',
        transport: serialTransport(serial.display.profile, serial.display.path),
        hosted: true,
      },
    );
  }
  return list;
}

function drawerSpec(printerId: string): DeviceSpec {
  return {
    key: 'drawer',
    name: 'Cash drawer',
    profileId: 'cash-drawer',
    role: 'drawer',
    transport: { type: 'via-printer', printerDeviceId: printerId, pin: 2 },
    hosted: false,
  };
}

export interface AttachedDemoDevices {
  host: DriverHost;
  ids: DemoDeviceIds;
  stop(): Promise<void>;
}

/**
 * Registers the demo's devices once, points them at this run's simulators (their ports and pty paths change
 * every start), assigns them to the demo till, and runs the hosted ones in the hub's driver host with
 * freshly rotated secrets: the registry keeps only hashes, so the hub cannot reuse last run's secrets.
 */
export function attachDemoDevices(
  sims: DemoSimulators,
  args: {
    devices: DeviceService;
    principal: Principal;
    tillId: string;
    brokerPort: number;
    storeId: string;
    dataDir: string;
    log: Logger;
  },
): AttachedDemoDevices {
  const file = join(args.dataDir, IDS_FILE);
  const ids: DemoDeviceIds = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoDeviceIds)
    : {};
  const hosted: DeviceConfigInput[] = [];
  const ensure = (spec: DeviceSpec) => {
    const existing = ids[spec.key];
    const placement = { transport: spec.transport, tillId: args.tillId, role: spec.role };
    let credentials;
    if (existing && args.devices.get(args.principal, existing).status !== 'revoked') {
      args.devices.update(args.principal, existing, placement);
      credentials = args.devices.rotate(args.principal, existing);
    } else {
      credentials = args.devices.register(args.principal, {
        kind: spec.key,
        name: spec.name,
        profileId: spec.profileId,
        ...placement,
      });
      ids[spec.key] = credentials.device.id;
    }
    // The terminal is reached over HTTPS by the payment router with this run's key and certificate.
    if (spec.key === 'terminal') {
      args.devices.setTerminalCredentials(args.principal, credentials.device.id, {
        passphrase: sims.key.passphrase,
        keyIdentifier: sims.key.keyIdentifier,
        keyVersion: sims.key.keyVersion,
        caPem: sims.nexo.ca,
        servername: 'localhost',
      });
    }
    if (spec.hosted) hosted.push(hostEntry(sims, spec, credentials.device.id, credentials.secret));
  };
  for (const spec of specs(sims)) ensure(spec);
  // The drawer hangs off the printer's kick connector, so it is placed once the printer has its id.
  if (ids.printer) ensure(drawerSpec(ids.printer));
  writeFileSync(file, JSON.stringify(ids, null, 2));
  const host = new DriverHost({
    brokerUrl: `mqtt://127.0.0.1:${args.brokerPort}`,
    store: args.storeId,
    devices: hosted,
    dataDir: join(args.dataDir, 'driver-host'),
    log: (level, message, fields) => {
      if (level !== 'debug') args.log(level, message, fields);
    },
  });
  host.start();
  return { host, ids, stop: () => host.stop() };
}

function hostEntry(sims: DemoSimulators, spec: DeviceSpec, id: string, secret: string): DeviceConfigInput {
  if (spec.key === 'printer') {
    return {
      id,
      secret,
      kind: 'printer',
      profile: spec.profileId,
      transport: { type: 'tcp', host: '127.0.0.1', port: sims.printer.port },
    };
  }
  const serial = sims.serial;
  if (!serial || (spec.key !== 'scale' && spec.key !== 'scanner' && spec.key !== 'display')) {
    throw new Error(`demo device ${spec.key} is not hosted`);
  }
  return serial.deviceConfig(spec.key, { id, secret });
}
