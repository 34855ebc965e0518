// Country presets: what a shop owner would otherwise type in on day one. Rates are as of 2026 and are
// data the owner can edit afterwards (tax classes are rows); a preset never touches products.
import type { TaxMode } from '../../domain/tax.js';
import type { TenderKind } from '../../db/settings-queries.js';

export const PRESET_COUNTRIES = ['DK', 'FI', 'TW', 'UA', 'CN', 'US'] as const;
export type PresetCountry = (typeof PRESET_COUNTRIES)[number];

export function isPresetCountry(value: string): value is PresetCountry {
  return (PRESET_COUNTRIES as readonly string[]).includes(value);
}

/**
 * Stable tax-class handles. 'food' is the reduced rate for groceries where the country has one; the
 * demo seed and imports pick a class by code, never by a country's id.
 */
export type TaxClassCode = 'standard' | 'food' | 'reduced' | 'services';

export interface PresetTaxClass {
  code: TaxClassCode;
  name: string;
  rateBp: number;
}

export interface StorePreset {
  country: PresetCountry;
  storeName: string;
  currency: string;
  locale: string;
  timeZone: string;
  taxMode: TaxMode;
  taxClasses: readonly PresetTaxClass[];
  /** One tender per kind, in till button order. */
  tenders: readonly { kind: TenderKind; name: string }[];
  /** Extra words under the receipt (opening hours, returns policy); the thank-you line is printed anyway. */
  receiptFooter: string;
}

export const PRESETS: Readonly<Record<PresetCountry, StorePreset>> = {
  DK: {
    country: 'DK',
    storeName: 'Min butik',
    currency: 'DKK',
    locale: 'da-DK',
    timeZone: 'Europe/Copenhagen',
    taxMode: 'inclusive',
    // Denmark has one VAT rate for goods, food included.
    taxClasses: [{ code: 'standard', name: 'Moms 25 %', rateBp: 2500 }],
    tenders: [
      { kind: 'cash', name: 'Kontant' },
      { kind: 'card', name: 'Kort' },
      { kind: 'mobile', name: 'MobilePay' },
      { kind: 'voucher', name: 'Gavekort' },
      { kind: 'store_credit', name: 'Tilgodebevis' },
    ],
    receiptFooter: '',
  },
  FI: {
    country: 'FI',
    storeName: 'Oma kauppa',
    currency: 'EUR',
    locale: 'fi-FI',
    timeZone: 'Europe/Helsinki',
    taxMode: 'inclusive',
    taxClasses: [
      { code: 'standard', name: 'ALV 25,5 %', rateBp: 2550 },
      // Rates are the law as of 2026 (food 13.5 % since 1 January 2026) and editable per store.
      { code: 'food', name: 'ALV 13,5 % (elintarvikkeet)', rateBp: 1350 },
      { code: 'reduced', name: 'ALV 10 %', rateBp: 1000 },
    ],
    tenders: [
      { kind: 'cash', name: 'Käteinen' },
      { kind: 'card', name: 'Kortti' },
      { kind: 'mobile', name: 'MobilePay' },
      { kind: 'voucher', name: 'Lahjakortti' },
      { kind: 'store_credit', name: 'Hyvitys' },
    ],
    receiptFooter: '',
  },
  TW: {
    country: 'TW',
    storeName: '我的商店',
    currency: 'TWD',
    locale: 'zh-TW',
    timeZone: 'Asia/Taipei',
    taxMode: 'inclusive',
    taxClasses: [{ code: 'standard', name: '營業稅 5%', rateBp: 500 }],
    tenders: [
      { kind: 'cash', name: '現金' },
      { kind: 'card', name: '信用卡' },
      { kind: 'mobile', name: '行動支付' },
      { kind: 'voucher', name: '禮券' },
      { kind: 'store_credit', name: '購物金' },
    ],
    receiptFooter: '',
  },
  UA: {
    country: 'UA',
    storeName: 'Мій магазин',
    currency: 'UAH',
    locale: 'uk-UA',
    timeZone: 'Europe/Kyiv',
    taxMode: 'inclusive',
    // Food is at the standard 20 % in Ukraine; 7 % is for medicines and medical goods.
    taxClasses: [
      { code: 'standard', name: 'ПДВ 20%', rateBp: 2000 },
      { code: 'reduced', name: 'ПДВ 7%', rateBp: 700 },
    ],
    tenders: [
      { kind: 'cash', name: 'Готівка' },
      { kind: 'card', name: 'Картка' },
      { kind: 'mobile', name: 'Мобільний гаманець' },
      { kind: 'voucher', name: 'Подарунковий сертифікат' },
      { kind: 'store_credit', name: 'Кредит магазину' },
    ],
    receiptFooter: '',
  },
  CN: {
    country: 'CN',
    storeName: '我的商店',
    currency: 'CNY',
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    taxMode: 'inclusive',
    // 9 % covers agricultural products and staple foods; 6 % is for services.
    taxClasses: [
      { code: 'standard', name: '增值税 13%', rateBp: 1300 },
      { code: 'food', name: '增值税 9%', rateBp: 900 },
      { code: 'services', name: '增值税 6%', rateBp: 600 },
    ],
    tenders: [
      { kind: 'cash', name: '现金' },
      { kind: 'card', name: '银行卡' },
      { kind: 'mobile', name: '微信/支付宝' },
      { kind: 'voucher', name: '礼品卡' },
      { kind: 'store_credit', name: '储值余额' },
    ],
    receiptFooter: '',
  },
  US: {
    country: 'US',
    storeName: 'My Store',
    currency: 'USD',
    locale: 'en-US',
    timeZone: 'America/Los_Angeles',
    // Shelf prices exclude sales tax; the rate depends on state, county and city, so this is an example
    // (California's statewide base) that the owner replaces with the local combined rate.
    taxMode: 'exclusive',
    taxClasses: [{ code: 'standard', name: 'Sales tax 7.25 % (example)', rateBp: 725 }],
    tenders: [
      { kind: 'cash', name: 'Cash' },
      { kind: 'card', name: 'Card' },
      { kind: 'mobile', name: 'Mobile wallet' },
      { kind: 'voucher', name: 'Gift card' },
      { kind: 'store_credit', name: 'Store credit' },
    ],
    receiptFooter: '',
  },
};
