import type { z } from 'zod';
import {
  CartSnapshotSchema,
  DeviceEventSchema,
  DeviceReplySchema,
  DeviceStateSchema,
} from '../contract/mqtt.js';
import type { PublishChannel } from './acl.js';

const SCHEMAS: Record<PublishChannel, z.ZodType> = {
  state: DeviceStateSchema,
  event: DeviceEventSchema,
  reply: DeviceReplySchema,
  cart: CartSnapshotSchema,
};

/**
 * Checks what a device or till sends against the contract. Returns the reason it is malformed, or null.
 * The payload is passed on as sent (unknown fields ignored by readers, as the contract says), so the
 * broker never rewrites what a client published.
 */
export function malformedReason(channel: PublishChannel, payload: Buffer): string | null {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return `${channel}:not_json`;
  }
  return SCHEMAS[channel].safeParse(json).success ? null : `${channel}:schema`;
}
