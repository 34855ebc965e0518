import { DisplaySimulator } from '../sim/display/simulator.js';
import { openPtyPair, type PtyPair } from '../sim/pty.js';
import { ScaleSimulator } from '../sim/scale/simulator.js';
import { ScannerSimulator } from '../sim/scanner/simulator.js';
import type { DeviceConfigInput } from './config.js';

/**
 * The demo's serial devices: a Toledo 8217 scale, a CDC scanner and a 2x20 pole display, each a simulator
 * on one end of a socat pty pair. `deviceConfig` builds the host entry for the other end, with the
 * credentials the registry issued, so the demo runs the very drivers a store runs.
 */
export interface DemoSerialDevices {
  scale: { path: string; profile: 'mettler-toledo-ariva-s'; sim: ScaleSimulator };
  scanner: { path: string; profile: 'honeywell-voyager-1450g'; sim: ScannerSimulator };
  display: { path: string; profile: 'epson-dm-d110'; sim: DisplaySimulator };
  deviceConfig(
    kind: 'scale' | 'scanner' | 'display',
    credentials: { id: string; secret: string },
  ): DeviceConfigInput;
  close(): Promise<void>;
}

export async function startDemoSerialDevices(): Promise<DemoSerialDevices> {
  const pairs: PtyPair[] = [];
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    await Promise.all(pairs.splice(0).map((p) => p.close()));
  };
  try {
    const open = async () => {
      const pair = await openPtyPair();
      pairs.push(pair);
      return pair;
    };
    const [scalePty, scannerPty, displayPty] = [await open(), await open(), await open()];
    const scale = new ScaleSimulator({
      path: scalePty.simPath,
      protocol: 'toledo8217',
      unit: 'kg',
      capacityGrams: 15_000,
    });
    const scanner = new ScannerSimulator({ path: scannerPty.simPath, suffix: 'CR' });
    const display = new DisplaySimulator(displayPty.simPath);
    for (const sim of [scale, scanner, display]) {
      await sim.start();
      stops.push(() => sim.stop());
    }
    const devices = {
      scale: { path: scalePty.devicePath, profile: 'mettler-toledo-ariva-s' as const, sim: scale },
      scanner: { path: scannerPty.devicePath, profile: 'honeywell-voyager-1450g' as const, sim: scanner },
      display: { path: displayPty.devicePath, profile: 'epson-dm-d110' as const, sim: display },
    };
    return {
      ...devices,
      deviceConfig: (kind, credentials) => ({
        ...credentials,
        kind,
        profile: devices[kind].profile,
        transport: { type: 'serial', path: devices[kind].path },
      }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
