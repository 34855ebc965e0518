/**
 * The MQTT topics the web apps use, as hub/contract/mqtt.ts writes them. The contract module carries zod
 * schemas for the hub's side; copying the two builders keeps zod out of the till's bundle, and a unit
 * test checks they still agree with the contract.
 */
export const tillTopics = {
  events: (store: string, till: string) => `pos/${store}/tills/${till}/events`,
  cart: (store: string, till: string) => `pos/${store}/tills/${till}/cart`,
  /** A domain event every till may read (catalog.changed, ...). */
  domainEvent: (store: string, name: string) => `pos/${store}/events/${name}`,
} as const;
