import type { HubApiClient } from './client.js';
import { array, object, oneOf, optionalString, string } from './decode.js';

/** The calls the till shell makes, typed and decoded. Selling and paying add their own modules. */

export interface PairTicket {
  tillId: string;
  /** Shown to the cashier when the till asked for a code; null when it paired with a manager's code. */
  pairingCode: string | null;
  pairingSecret: string;
  expiresAt: string;
}

export type PairStatus =
  | { status: 'pending'; tillId: string; expiresAt: string | null }
  | { status: 'active'; tillId: string; token: string | null; name: string | null }
  | { status: 'expired' | 'revoked'; tillId: string };

export interface LoginStaff {
  id: string;
  name: string;
  role: string;
}

export interface StaffSession {
  token: string;
  expiresAt: string;
  staff: { id: string; name: string; roleId: string; permissions: readonly string[] };
}

export interface HubHealth {
  version: string;
  storeId: string;
}

export interface StoreSettingsView {
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
  /** The store's cash rounding step in minor units (1: no rounding). */
  cashRoundingMinor: number;
}

export interface TillInfo {
  id: string;
  name: string;
  number: number | null;
}

export async function requestPairing(api: HubApiClient, name: string, code?: string): Promise<PairTicket> {
  const o = object(
    await api.request('/tills/pair', {
      method: 'POST',
      body: code === undefined ? { name } : { name, code },
    }),
    'pair',
  );
  return {
    tillId: string(o, 'tillId', 'pair'),
    pairingCode: optionalString(o, 'pairingCode', 'pair'),
    pairingSecret: string(o, 'pairingSecret', 'pair'),
    expiresAt: string(o, 'expiresAt', 'pair'),
  };
}

export async function pairingStatus(api: HubApiClient, secret: string): Promise<PairStatus> {
  const o = object(
    await api.request('/tills/pair/status', { headers: { 'x-pairing-secret': secret } }),
    'pairStatus',
  );
  const status = oneOf(o, 'status', ['pending', 'active', 'expired', 'revoked'], 'pairStatus');
  const tillId = string(o, 'tillId', 'pairStatus');
  switch (status) {
    case 'pending':
      return { status, tillId, expiresAt: optionalString(o, 'expiresAt', 'pairStatus') };
    case 'active':
      return {
        status,
        tillId,
        token: optionalString(o, 'token', 'pairStatus'),
        name: optionalString(o, 'name', 'pairStatus'),
      };
    case 'expired':
    case 'revoked':
      return { status, tillId };
  }
}

export async function currentTill(api: HubApiClient): Promise<TillInfo> {
  const o = object(await api.request('/tills/me'), 'till');
  const number = o.number;
  return {
    id: string(o, 'id', 'till'),
    name: string(o, 'name', 'till'),
    number: typeof number === 'number' ? number : null,
  };
}

export async function loginStaff(api: HubApiClient): Promise<LoginStaff[]> {
  const o = object(await api.request('/auth/staff?limit=200'), 'staff');
  return array(o, 'items', 'staff').map((item) => {
    const s = object(item, 'staff.item');
    return {
      id: string(s, 'id', 'staff'),
      name: string(s, 'name', 'staff'),
      role: string(s, 'role', 'staff'),
    };
  });
}

export async function pinLogin(api: HubApiClient, staffId: string, pin: string): Promise<StaffSession> {
  const o = object(await api.request('/auth/pin', { method: 'POST', body: { staffId, pin } }), 'login');
  const staff = object(o.staff, 'login.staff');
  return {
    token: string(o, 'token', 'login'),
    expiresAt: string(o, 'expiresAt', 'login'),
    staff: {
      id: string(staff, 'id', 'staff'),
      name: string(staff, 'name', 'staff'),
      roleId: string(staff, 'roleId', 'staff'),
      permissions: array(staff, 'permissions', 'staff').filter((p): p is string => typeof p === 'string'),
    },
  };
}

export async function pinLogout(api: HubApiClient): Promise<void> {
  await api.request('/auth/pin/logout', { method: 'POST' });
}

export async function health(api: HubApiClient, timeoutMs?: number): Promise<HubHealth> {
  const o = object(await api.request('/health', timeoutMs === undefined ? {} : { timeoutMs }), 'health');
  return { version: string(o, 'version', 'health'), storeId: string(o, 'storeId', 'health') };
}

export async function storeSettings(api: HubApiClient): Promise<StoreSettingsView> {
  const o = object(await api.request('/settings'), 'settings');
  return {
    name: string(o, 'name', 'settings'),
    currency: string(o, 'currency', 'settings'),
    locale: string(o, 'locale', 'settings'),
    timeZone: string(o, 'timeZone', 'settings'),
    cashRoundingMinor: typeof o.cashRoundingMinor === 'number' ? o.cashRoundingMinor : 1,
  };
}
