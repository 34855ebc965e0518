import { topics } from '../contract/mqtt.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../http/error-handler.js';
import type { BrokerControl, MessageBus } from './types.js';

const OWNER = 'mqtt-broker';

/**
 * Domain events out to MQTT, and revocations in. The event bus fires only after the transaction commits,
 * so what goes out on `pos/<store>/events/<name>` (QoS 1, not retained: an event is news, not state) has
 * happened. A till or customer display revoked through the API is cut off here, before its next message.
 */
export function bridgeEvents(deps: {
  store: string;
  bus: EventBus;
  messageBus: MessageBus;
  control: BrokerControl;
  log: Logger;
}): () => void {
  const { bus, messageBus, log } = deps;
  bus.on('till.revoked', OWNER, ({ tillId }) => {
    deps.control.disconnect('till', tillId);
  });
  bus.on('display.revoked', OWNER, ({ displayId }) => {
    deps.control.disconnect('display', displayId);
  });
  bus.onAny(OWNER, (event) => {
    messageBus
      .publish(topics.domainEvent(deps.store, event.name), event.payload, { qos: 1 })
      .catch((error: unknown) => {
        log('error', 'domain event not bridged to mqtt', { event: event.name, error: String(error) });
      });
  });
  return () => {
    bus.removeOwner(OWNER);
  };
}
