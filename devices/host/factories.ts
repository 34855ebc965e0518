import { z } from 'zod';
import type { DeviceKind } from '../../hub/contract/mqtt.js';
import { loadProfiles, type ProfileSet, type SerialSettings } from '../../firmware-profiles/index.js';
import { DisplayDriver } from '../display/driver.js';
import type { DeviceDriver } from '../driver.js';
import { createSerialPrinterDriver, createTcpPrinterDriver } from '../printer/index.js';
import { ScaleDriver } from '../scale/driver.js';
import type { ScaleProtocolName } from '../scale/protocol.js';
import { ScannerDriver } from '../scanner/driver.js';
import type { SerialOptions } from '../transports/serial.js';
import type { DeviceConfig } from './config.js';

/**
 * Drivers from a device entry and its firmware profile: the profile says how the model talks (protocol,
 * serial settings, code pages), the entry says where it is plugged in and may tune a few options.
 */
export type DriverFactory = (device: DeviceConfig) => DeviceDriver;
export type DriverFactories = Partial<Record<DeviceKind, DriverFactory>>;

const SCALE_PROTOCOL: Record<'toledo-8217' | 'nci' | 'cas-ecr', ScaleProtocolName> = {
  'toledo-8217': 'toledo8217',
  nci: 'nci',
  'cas-ecr': 'cas',
};

const ScaleOptions = z.strictObject({
  unit: z.enum(['kg', 'g', 'lb', 'oz']).optional(),
  impliedDecimals: z.number().int().min(0).max(4).optional(),
  pollIntervalMs: z.number().int().min(20).max(10_000).optional(),
  answerTimeoutMs: z.number().int().min(50).max(10_000).optional(),
});
const DisplayOptions = z.strictObject({ codePage: z.string().max(20).optional() });
const NoOptions = z.strictObject({});
const PrinterOptions = z.strictObject({
  statusMode: z.enum(['poll', 'asb']).optional(),
  pollIntervalMs: z.number().int().min(100).max(60_000).optional(),
});

function serialFor(device: DeviceConfig, profile: SerialSettings | null): SerialOptions {
  if (device.transport.type !== 'serial')
    throw new Error(`${device.id}: a ${device.kind} needs a serial transport`);
  const t = device.transport;
  return {
    path: t.path,
    baudRate: t.baudRate ?? profile?.baudRate ?? 9600,
    dataBits: t.dataBits ?? profile?.dataBits ?? 8,
    parity: t.parity ?? profile?.parity ?? 'none',
    stopBits: t.stopBits ?? profile?.stopBits ?? 1,
  };
}

function options<T extends z.ZodType>(device: DeviceConfig, schema: T): z.infer<T> {
  const parsed = schema.safeParse(device.options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${device.id}: options.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function defaultFactories(
  profiles: ProfileSet = loadProfiles(),
  dataDir: string | null = null,
): Required<DriverFactories> {
  const unsupported = (kind: DeviceKind) => (device: DeviceConfig) => {
    throw new Error(`${device.id}: the driver host has no ${kind} driver (it runs in the hub)`);
  };
  return {
    scale: (device) => {
      const profile = profiles.require(device.profile, 'scale');
      const o = options(device, ScaleOptions);
      const unit = o.unit ?? profile.units[0] ?? 'kg';
      return new ScaleDriver({
        serial: serialFor(device, profile.serial),
        protocol: SCALE_PROTOCOL[profile.protocol],
        unit,
        impliedDecimals: o.impliedDecimals ?? (unit === 'kg' ? 3 : unit === 'g' ? 0 : 2),
        model: `${profile.vendor} ${profile.model}`,
        pollIntervalMs: o.pollIntervalMs,
        answerTimeoutMs: o.answerTimeoutMs,
      });
    },
    scanner: (device) => {
      const profile = profiles.require(device.profile, 'scanner');
      options(device, NoOptions);
      return new ScannerDriver({
        serial: serialFor(device, profile.serial),
        suffix: profile.suffix,
        aim: profile.aimPrefix,
        model: `${profile.vendor} ${profile.model}`,
      });
    },
    display: (device) => {
      const profile = profiles.require(device.profile, 'display');
      const o = options(device, DisplayOptions);
      const page = profile.codePages.find((c) => c.name === o.codePage) ?? profile.codePages[0];
      if (!page || (o.codePage !== undefined && page.name !== o.codePage)) {
        throw new Error(`${device.id}: ${profile.id} has no code page ${String(o.codePage)}`);
      }
      return new DisplayDriver({
        serial: serialFor(device, profile.serial),
        columns: profile.columns,
        rows: profile.lines,
        codePage: { name: page.name, table: page.escposTable },
        model: `${profile.vendor} ${profile.model}`,
      });
    },
    printer: (device) => {
      const profile = profiles.require(device.profile, 'printer');
      const o = options(device, PrinterOptions);
      const settings = {
        deviceId: device.id,
        model: `${profile.vendor} ${profile.model}`,
        profile: profile.id,
        dataDir,
        ...o,
      };
      const t = device.transport;
      if (t.type === 'tcp') return createTcpPrinterDriver({ ...settings, host: t.host, port: t.port });
      return createSerialPrinterDriver({ ...settings, serial: serialFor(device, profile.serial) });
    },
    drawer: unsupported('drawer'),
    terminal: unsupported('terminal'),
  };
}
