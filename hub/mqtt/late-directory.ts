import type { BrokerDirectory } from './types.js';

/**
 * The broker starts before the device registry (the registry publishes through the broker's MessageBus),
 * yet the broker asks the registry who may connect. This breaks the cycle: a directory that refuses
 * everyone until `bind()` hands it the real one, so nothing can connect in between (deny by default).
 */
export function lateDirectory(): { directory: BrokerDirectory; bind(real: BrokerDirectory): void } {
  let real: BrokerDirectory | null = null;
  return {
    directory: {
      authenticateDevice: (deviceId, secret) =>
        real ? real.authenticateDevice(deviceId, secret) : Promise.resolve(false),
      authenticateTill: (tillId, token) =>
        real ? real.authenticateTill(tillId, token) : Promise.resolve(false),
      authenticateDisplay: (displayId, token) =>
        real ? real.authenticateDisplay(displayId, token) : Promise.resolve(null),
      devicesOfTill: (tillId) => (real ? real.devicesOfTill(tillId) : []),
    },
    bind(directory) {
      real = directory;
    },
  };
}
