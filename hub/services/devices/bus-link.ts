import type { BrokerControl, MessageBus } from '../../mqtt/types.js';

/**
 * The broker side of the registry. The broker is built after the registry (it asks the registry's
 * directory who may connect), so the bus and control arrive at start() rather than in the constructor.
 */
export class BusLink {
  bus: MessageBus | null = null;
  control: BrokerControl | null = null;

  constructor(readonly storeId: string) {}

  /** Drops a device's connections after its credentials changed; a no-op before the broker is up. */
  disconnectDevice(deviceId: string): void {
    this.control?.disconnect('device', deviceId);
  }
}
