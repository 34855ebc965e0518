import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { HubApiError } from '../../shared/api/errors.js';

export interface StoreSettings {
  name: string;
  address: string;
  currency: string;
  country: string;
  locale: string;
  timeZone: string;
  taxMode: 'inclusive' | 'exclusive';
  cashRoundingMinor: number;
  receiptHeader: string;
  receiptFooter: string;
  publicBaseUrl: string | null;
  autoPrintReceipts: boolean;
}

export type StoreSettingsPatch = Partial<Omit<StoreSettings, 'currency' | 'country'>>;

function decodeSettings(value: unknown): StoreSettings {
  const o = object(value, 'settings');
  return {
    name: string(o, 'name', 'settings'),
    address: string(o, 'address', 'settings'),
    currency: string(o, 'currency', 'settings'),
    country: string(o, 'country', 'settings'),
    locale: string(o, 'locale', 'settings'),
    timeZone: string(o, 'timeZone', 'settings'),
    taxMode: oneOf(o, 'taxMode', ['inclusive', 'exclusive'], 'settings'),
    cashRoundingMinor: integer(o, 'cashRoundingMinor', 'settings'),
    receiptHeader: string(o, 'receiptHeader', 'settings'),
    receiptFooter: string(o, 'receiptFooter', 'settings'),
    publicBaseUrl: optionalString(o, 'publicBaseUrl', 'settings'),
    autoPrintReceipts: o.autoPrintReceipts !== false,
  };
}

export async function getSettings(api: HubApiClient): Promise<StoreSettings> {
  return decodeSettings(await api.request('/settings'));
}

export async function saveSettings(api: HubApiClient, patch: StoreSettingsPatch): Promise<StoreSettings> {
  return decodeSettings(await api.request('/settings', { method: 'PATCH', body: patch }));
}

export const TENDER_KINDS = [
  'cash',
  'card',
  'voucher',
  'store_credit',
  'mobile',
  'other',
  'gift_card',
  'loyalty',
] as const;

export interface TenderRow {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  sort: number;
}

function decodeTender(value: unknown): TenderRow {
  const o = object(value, 'tender');
  return {
    id: string(o, 'id', 'tender'),
    kind: string(o, 'kind', 'tender'),
    name: string(o, 'name', 'tender'),
    enabled: o.enabled === true,
    sort: integer(o, 'sort', 'tender'),
  };
}

export async function listTenders(api: HubApiClient): Promise<TenderRow[]> {
  const o = object(await api.request('/tenders?limit=200'), 'tenders');
  return array(o, 'items', 'tenders').map(decodeTender);
}

export async function createTender(
  api: HubApiClient,
  tender: { id: string; kind: string; name: string },
): Promise<TenderRow> {
  return decodeTender(await api.request('/tenders', { method: 'POST', body: tender }));
}

export async function updateTender(
  api: HubApiClient,
  id: string,
  patch: { name?: string; enabled?: boolean; sort?: number },
): Promise<TenderRow> {
  return decodeTender(
    await api.request(`/tenders/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  );
}

export interface SmtpView {
  configured: boolean;
  host: string | null;
  port: number | null;
  secure: boolean | null;
  user: string | null;
  from: string | null;
  passwordSet: boolean;
}

export interface SmtpInput {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  /** Left out: keep the saved password; null: remove it. */
  password?: string | null;
  from: string;
}

function decodeSmtp(value: unknown): SmtpView {
  const o = object(value, 'smtp');
  return {
    configured: o.configured === true,
    host: optionalString(o, 'host', 'smtp'),
    port: typeof o.port === 'number' ? o.port : null,
    secure: typeof o.secure === 'boolean' ? o.secure : null,
    user: optionalString(o, 'user', 'smtp'),
    from: optionalString(o, 'from', 'smtp'),
    passwordSet: o.passwordSet === true,
  };
}

export async function getSmtp(api: HubApiClient): Promise<SmtpView> {
  return decodeSmtp(await api.request('/settings/smtp'));
}

export async function saveSmtp(api: HubApiClient, input: SmtpInput): Promise<SmtpView> {
  return decodeSmtp(await api.request('/settings/smtp', { method: 'PUT', body: input }));
}

export async function removeSmtp(api: HubApiClient): Promise<SmtpView> {
  return decodeSmtp(await api.request('/settings/smtp', { method: 'DELETE' }));
}

export async function sendTestMail(api: HubApiClient, to: string): Promise<void> {
  await api.request('/settings/smtp/test', { method: 'POST', body: { to }, timeoutMs: 40_000 });
}

export interface SavedLogo {
  width: number;
  height: number;
  bits: string;
}

/** The saved receipt logo, or null when the store has none. */
export async function getLogo(api: HubApiClient): Promise<SavedLogo | null> {
  try {
    const o = object(await api.request('/settings/logo'), 'logo');
    return {
      width: integer(o, 'width', 'logo'),
      height: integer(o, 'height', 'logo'),
      bits: string(o, 'bits', 'logo'),
    };
  } catch (error) {
    if (error instanceof HubApiError && error.status === 404) return null;
    throw error;
  }
}

export async function saveLogo(api: HubApiClient, logo: SavedLogo): Promise<void> {
  await api.request('/settings/logo', { method: 'PUT', body: logo });
}

export async function removeLogo(api: HubApiClient): Promise<void> {
  await api.request('/settings/logo', { method: 'DELETE' });
}
