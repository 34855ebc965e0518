import type { HubApiClient } from '../../shared/api/client.js';
import { object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export interface TillRow {
  id: string;
  name: string;
  number: number | null;
  status: 'pending' | 'active' | 'revoked';
  invited: boolean;
  requestedAt: string;
  pairingExpiresAt: string | null;
  approvedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface TillInvitation {
  tillId: string;
  code: string;
  expiresAt: string;
}

function decodeTill(value: unknown): TillRow {
  const o = object(value, 'till');
  return {
    id: string(o, 'id', 'till'),
    name: string(o, 'name', 'till'),
    number: typeof o.number === 'number' ? o.number : null,
    status: oneOf(o, 'status', ['pending', 'active', 'revoked'], 'till'),
    invited: o.invited === true,
    requestedAt: string(o, 'requestedAt', 'till'),
    pairingExpiresAt: optionalString(o, 'pairingExpiresAt', 'till'),
    approvedAt: optionalString(o, 'approvedAt', 'till'),
    revokedAt: optionalString(o, 'revokedAt', 'till'),
    lastSeenAt: optionalString(o, 'lastSeenAt', 'till'),
  };
}

export async function listTills(
  api: HubApiClient,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<TillRow>> {
  const answer = await api.request(`/tills?limit=${limit}&offset=${offset}`, signal ? { signal } : {});
  return decodePage(answer, decodeTill, 'tills');
}

export async function approveTill(api: HubApiClient, id: string, code: string): Promise<TillRow> {
  return decodeTill(
    await api.request(`/tills/${encodeURIComponent(id)}/approve`, { method: 'POST', body: { code } }),
  );
}

export async function revokeTill(api: HubApiClient, id: string): Promise<TillRow> {
  return decodeTill(await api.request(`/tills/${encodeURIComponent(id)}/revoke`, { method: 'POST' }));
}

export async function renameTill(api: HubApiClient, id: string, name: string): Promise<TillRow> {
  return decodeTill(
    await api.request(`/tills/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } }),
  );
}

export async function inviteTill(api: HubApiClient, name: string): Promise<TillInvitation> {
  const o = object(await api.request('/tills/invitations', { method: 'POST', body: { name } }), 'invitation');
  return {
    tillId: string(o, 'tillId', 'invitation'),
    code: string(o, 'code', 'invitation'),
    expiresAt: string(o, 'expiresAt', 'invitation'),
  };
}
