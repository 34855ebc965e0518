import { TOPIC_SEGMENT } from '../contract/mqtt.js';
import type { Identity } from './acl.js';

/** Longer secrets are refused before hashing, so a megabyte password cannot buy a megabyte of scrypt. */
export const MAX_SECRET_LENGTH = 512;

const TILL_PREFIX = 'till:';
/** A till may hold several connections (the till tab, its customer display): each names itself. */
const TILL_CONNECTION_SUFFIX = /^[A-Za-z0-9_-]{1,32}$/;

export type ClaimedIdentity =
  { identity: Identity; secret: string } | { refused: 'no_credentials' | 'bad_username' | 'secret_too_long' };

/**
 * Reads who a CONNECT claims to be. Devices use their device id as username; tills use `till:<tillId>`.
 * Device ids are topic segments and cannot contain ':', so the two namespaces never overlap.
 */
export function claimedIdentity(username: string | undefined, password: Buffer | undefined): ClaimedIdentity {
  if (username === undefined || password === undefined || password.length === 0) {
    return { refused: 'no_credentials' };
  }
  if (password.length > MAX_SECRET_LENGTH) return { refused: 'secret_too_long' };
  const secret = password.toString('utf8');
  if (username.startsWith(TILL_PREFIX)) {
    const tillId = username.slice(TILL_PREFIX.length);
    if (!TOPIC_SEGMENT.test(tillId)) return { refused: 'bad_username' };
    return { identity: { kind: 'till', id: tillId }, secret };
  }
  if (!TOPIC_SEGMENT.test(username)) return { refused: 'bad_username' };
  return { identity: { kind: 'device', id: username }, secret };
}

/**
 * The client id rule, so one credential cannot take over (MQTT closes the older of two connections with
 * the same client id) or pose as another client: a device's client id is exactly its device id; a till's
 * is `till:<tillId>` or `till:<tillId>:<name>` with a short name per tab or display.
 */
export function clientIdFits(identity: Identity, clientId: string): boolean {
  if (identity.kind === 'device') return clientId === identity.id;
  const base = `${TILL_PREFIX}${identity.id}`;
  if (clientId === base) return true;
  return clientId.startsWith(`${base}:`) && TILL_CONNECTION_SUFFIX.test(clientId.slice(base.length + 1));
}

export function identityKey(identity: Identity): string {
  return `${identity.kind}:${identity.id}`;
}
