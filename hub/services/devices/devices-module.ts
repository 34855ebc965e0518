import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createDevicesApi, createTillScaleApi } from '../../http/routes/devices.js';
import { createTerminalCredentialsApi } from '../../http/routes/terminal-credentials.js';
import type { BrokerControl, MessageBus } from '../../mqtt/types.js';
import { DeviceService, type DeviceServiceOptions } from './device-service.js';

export interface DevicesModule {
  /** Also the broker's BrokerDirectory (authenticateDevice, authenticateTill, devicesOfTill). */
  service: DeviceService;
  /** /devices (with /devices/{id}/terminal-credentials) and /tills/{tillId}/scale/weight. */
  api: ApiModule[];
  /** Call once the broker runs; subscribes to device state, events and replies. */
  start(broker: { bus: MessageBus; control: BrokerControl }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The device registry. Build it before the broker (the broker authenticates through service), then
 * start it with the broker's bus and control.
 */
export function createDevicesModule(ctx: HubContext, options: DeviceServiceOptions): DevicesModule {
  const service = new DeviceService(ctx, options);
  return {
    service,
    api: [createDevicesApi(service), createTerminalCredentialsApi(service), createTillScaleApi(service)],
    start: (broker) => service.start(broker),
    stop: () => service.stop(),
  };
}
