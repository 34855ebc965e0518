import { TOPIC_SEGMENT } from '../contract/mqtt.js';

/** Longer secrets are refused before hashing, so a megabyte password cannot buy a megabyte of scrypt. */
export const MAX_SECRET_LENGTH = 512;

const TILL_PREFIX = 'till:';
const DISPLAY_PREFIX = 'display:';
/** A till may hold several connections (the till tab, a second tab): each names itself. */
const TILL_CONNECTION_SUFFIX = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Who a CONNECT says it is, before the directory confirms it. A display's till is not claimed: the
 * directory answers it from the display's own record, so a display cannot name another till's cart.
 */
export type Claim = { kind: 'device' | 'till' | 'display'; id: string };

export type ClaimedIdentity =
  { claim: Claim; secret: string } | { refused: 'no_credentials' | 'bad_username' | 'secret_too_long' };

/**
 * Reads who a CONNECT claims to be. Devices use their device id as username; tills `till:<tillId>`;
 * customer displays `display:<displayId>`. Device ids are topic segments and cannot contain ':', so the
 * namespaces never overlap.
 */
export function claimedIdentity(username: string | undefined, password: Buffer | undefined): ClaimedIdentity {
  if (username === undefined || password === undefined || password.length === 0) {
    return { refused: 'no_credentials' };
  }
  if (password.length > MAX_SECRET_LENGTH) return { refused: 'secret_too_long' };
  const secret = password.toString('utf8');
  for (const [prefix, kind] of [
    [TILL_PREFIX, 'till'],
    [DISPLAY_PREFIX, 'display'],
  ] as const) {
    if (!username.startsWith(prefix)) continue;
    const id = username.slice(prefix.length);
    if (!TOPIC_SEGMENT.test(id)) return { refused: 'bad_username' };
    return { claim: { kind, id }, secret };
  }
  if (!TOPIC_SEGMENT.test(username)) return { refused: 'bad_username' };
  return { claim: { kind: 'device', id: username }, secret };
}

/**
 * The client id rule, so one credential cannot take over (MQTT closes the older of two connections with
 * the same client id) or pose as another client: a device's client id is exactly its device id, a
 * display's `display:<displayId>`; a till's is `till:<tillId>` or `till:<tillId>:<name>` with a short
 * name per tab.
 */
export function clientIdFits(claim: Claim, clientId: string): boolean {
  if (claim.kind === 'device') return clientId === claim.id;
  if (claim.kind === 'display') return clientId === `${DISPLAY_PREFIX}${claim.id}`;
  const base = `${TILL_PREFIX}${claim.id}`;
  if (clientId === base) return true;
  return clientId.startsWith(`${base}:`) && TILL_CONNECTION_SUFFIX.test(clientId.slice(base.length + 1));
}

export function identityKey(identity: Claim): string {
  return `${identity.kind}:${identity.id}`;
}
