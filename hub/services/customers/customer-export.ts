import { stringify } from 'csv-stringify/sync';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { iterateCustomerExport, type CustomerExportRow } from '../../db/customer-export-queries.js';
import { currencyExponent } from '../../domain/money.js';
import { requirePermission } from '../access/guards.js';

/** The CSV's columns, in order (the header row). */
export const CUSTOMER_EXPORT_COLUMNS = [
  'id',
  'name',
  'phone',
  'email',
  'tax_id',
  'marketing_consent',
  'consent_at',
  'created_at',
  'points',
  'lifetime_points',
  'purchases',
  'lifetime_value',
  'last_purchase_at',
] as const;

/** A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a leading quote. */
function cell(text: string | null): string {
  if (text === null) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Minor units as a plain decimal (12345 DKK -> 123.45), no grouping: what a spreadsheet reads as a number. */
export function decimalOf(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  return `${minor < 0 ? '-' : ''}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function record(r: CustomerExportRow, currency: string): string[] {
  return [
    r.id,
    cell(r.name),
    cell(r.phone),
    cell(r.email),
    cell(r.tax_id),
    r.marketing_consent === 1 ? 'yes' : 'no',
    r.consent_at ?? '',
    r.created_at,
    String(r.points),
    String(r.lifetime_points),
    String(r.purchases),
    decimalOf(r.net_minor, currency),
    r.last_purchase_at ?? '',
  ];
}

/** The customer list as CSV (UTF-8, header row), for 'customers.manage'; money in the store currency's decimals. */
export class CustomerExportService {
  constructor(
    private readonly ctx: HubContext,
    private readonly currency: () => string,
  ) {}

  csv(principal: Principal, consentedOnly: boolean): string {
    requirePermission(principal, 'customers.manage');
    const currency = this.currency();
    return this.ctx.tx.read((db) => {
      const rows: string[][] = [[...CUSTOMER_EXPORT_COLUMNS]];
      for (const r of iterateCustomerExport(db, consentedOnly)) rows.push(record(r, currency));
      return stringify(rows);
    });
  }
}
