import type { HubApiClient } from './client.js';
import { array, object, oneOf, optionalString, string } from './decode.js';

/** The customer display's calls (pairing, who am I) and the till's (approve a display, list, revoke). */

export interface DisplayTicket {
  displayId: string;
  pairingCode: string;
  pairingSecret: string;
  expiresAt: string;
}

export type DisplayPairStatus =
  | { status: 'pending'; displayId: string }
  | { status: 'active'; displayId: string; token: string | null }
  | { status: 'expired' | 'revoked'; displayId: string };

export interface DisplayMe {
  displayId: string;
  tillId: string;
  tillName: string;
  storeId: string;
  cartTopic: string;
  store: { name: string; locale: string; currency: string };
}

export interface PairedDisplay {
  id: string;
  status: 'active' | 'revoked';
  approvedAt: string | null;
  lastSeenAt: string | null;
}

export async function requestDisplayPairing(api: HubApiClient): Promise<DisplayTicket> {
  const o = object(await api.request('/displays/pair', { method: 'POST' }), 'displayPair');
  return {
    displayId: string(o, 'displayId', 'displayPair'),
    pairingCode: string(o, 'pairingCode', 'displayPair'),
    pairingSecret: string(o, 'pairingSecret', 'displayPair'),
    expiresAt: string(o, 'expiresAt', 'displayPair'),
  };
}

export async function displayPairingStatus(api: HubApiClient, secret: string): Promise<DisplayPairStatus> {
  const o = object(
    await api.request('/displays/pair/status', { headers: { 'x-pairing-secret': secret } }),
    'displayPairStatus',
  );
  const status = oneOf(o, 'status', ['pending', 'active', 'expired', 'revoked'], 'displayPairStatus');
  const displayId = string(o, 'displayId', 'displayPairStatus');
  return status === 'active'
    ? { status, displayId, token: optionalString(o, 'token', 'displayPairStatus') }
    : { status, displayId };
}

export async function displayMe(api: HubApiClient, token: string): Promise<DisplayMe> {
  const o = object(await api.request('/displays/me', { headers: { 'x-display-token': token } }), 'displayMe');
  const store = object(o.store, 'displayMe.store');
  return {
    displayId: string(o, 'displayId', 'displayMe'),
    tillId: string(o, 'tillId', 'displayMe'),
    tillName: string(o, 'tillName', 'displayMe'),
    storeId: string(o, 'storeId', 'displayMe'),
    cartTopic: string(o, 'cartTopic', 'displayMe'),
    store: {
      name: string(store, 'name', 'displayMe.store'),
      locale: string(store, 'locale', 'displayMe.store'),
      currency: string(store, 'currency', 'displayMe.store'),
    },
  };
}

/** At the till: pair the display that shows this code to this till. */
export async function approveDisplay(api: HubApiClient, code: string): Promise<void> {
  await api.request('/displays/approve', { method: 'POST', body: { code } });
}

export async function tillDisplays(api: HubApiClient): Promise<PairedDisplay[]> {
  const o = object(await api.request('/displays?limit=100'), 'displays');
  return array(o, 'items', 'displays')
    .map((item) => object(item, 'display'))
    .map((d) => ({
      id: string(d, 'id', 'display'),
      status: oneOf(d, 'status', ['active', 'revoked'], 'display'),
      approvedAt: optionalString(d, 'approvedAt', 'display'),
      lastSeenAt: optionalString(d, 'lastSeenAt', 'display'),
    }));
}

export async function revokeDisplay(api: HubApiClient, id: string): Promise<void> {
  await api.request(`/displays/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}
