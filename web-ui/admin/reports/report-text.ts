import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formatPercentBp } from '../../shared/format/numbers.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { changeBp, type RangePreset } from './report-filter.js';
import type { Granularity } from './reports-api.js';

// Words and formats the report pages share. Money is the store's way (storeMoney), dates the manager's
// language; report dates are already local to the store, so they are formatted as UTC dates.

export function presetLabel(preset: RangePreset): string {
  switch (preset) {
    case 'today':
      return msg('Today');
    case 'yesterday':
      return msg('Yesterday');
    case 'last7':
      return msg('Last 7 days');
    case 'last30':
      return msg('Last 30 days');
    case 'thisMonth':
      return msg('This month');
    case 'lastMonth':
      return msg('Last month');
    case 'thisYear':
      return msg('This year');
  }
}

export function granularityLabel(g: Granularity): string {
  switch (g) {
    case 'hour':
      return msg('By hour of day');
    case 'day':
      return msg('By day');
    case 'week':
      return msg('By week');
    case 'month':
      return msg('By month');
    case 'year':
      return msg('By year');
  }
}

const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(adminLocale(), { ...options, timeZone: 'UTC' });

/** A report bucket's key ('14', '2026-12-06', '2026-12', '2026') as the manager reads it. */
export function bucketLabel(key: string, g: Granularity): string {
  switch (g) {
    case 'hour':
      return `${key}:00`;
    case 'day':
      return dateFormat({ dateStyle: 'medium' }).format(new Date(`${key}T00:00:00Z`));
    case 'week': {
      const monday = dateFormat({ dateStyle: 'medium' }).format(new Date(`${key}T00:00:00Z`));
      return msg(str`Week of ${monday}`);
    }
    case 'month':
      return dateFormat({ year: 'numeric', month: 'long' }).format(new Date(`${key}-01T00:00:00Z`));
    case 'year':
      return key;
  }
}

/** A local date of the store ('2026-12-06'), in the manager's language. */
export function dateLabel(date: string): string {
  return bucketLabel(date, 'day');
}

export const money = (minor: number): string => storeMoney(minor);

export const percent = (bp: number): string => formatPercentBp(bp, storeFormat().locale);

/** A share in basis points, 0 when the whole is 0. */
export function shareBp(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 10_000) / whole);
}

/** "+12.5 %" in green or "−3 %" in red against the previous period; "—" when there is nothing to compare. */
export function changeBadge(current: number, previous: number): TemplateResult {
  const bp = changeBp(current, previous);
  if (bp === null) return html`<span class="muted">${msg('no earlier figures')}</span>`;
  const text = `${bp > 0 ? '+' : ''}${percent(bp)}`;
  return html`<span class=${bp >= 0 ? 'up' : 'down'}>${msg(str`${text} on the period before`)}</span>`;
}
