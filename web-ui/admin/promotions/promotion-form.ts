import { msg, str } from '@lit/localize';
import { formatPercentBp } from '../../shared/format/numbers.js';
import { currencyExponent, minorToDecimalString } from '../../shared/format/money.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import type { Promotion, PromotionDraft, PromotionStatus, Rule, RuleKind, Target } from './promotions-api.js';
import { fromWallClock, toWallClock } from './shop-clock.js';

/**
 * The campaign editor's form as typed (text fields stay text until saved), to and from the hub's
 * campaign. Pure: the page renders and submits, this reads, checks and explains.
 */
export interface PromotionForm {
  name: string;
  kind: RuleKind;
  /** Percent off (percent_off), or off the "get" items (buy_get), as typed: "25" or "12.5". */
  percent: string;
  /** Amount off, fixed price or bundle price, in the store's currency as typed: "5" or "5.50". */
  amount: string;
  buy: string;
  pay: string;
  quantity: string;
  get: string;
  target: Target;
  getTarget: Target;
  /** `datetime-local` values on the shop's clock (shop-clock.ts); endsAt '' for open-ended. */
  startsAt: string;
  endsAt: string;
  couponCode: string;
  customersOnly: boolean;
  priority: string;
}

export type FormField = keyof PromotionForm;
export type FormErrors = Partial<Record<FormField, string>>;

const EMPTY_TARGET: Target = { productIds: [], categoryIds: [] };

export function newForm(now: Date, timeZone?: string): PromotionForm {
  return {
    name: '',
    kind: 'percent_off',
    percent: '',
    amount: '',
    buy: '3',
    pay: '2',
    quantity: '2',
    get: '1',
    target: EMPTY_TARGET,
    getTarget: EMPTY_TARGET,
    startsAt: toWallClock(now.toISOString(), timeZone),
    endsAt: '',
    couponCode: '',
    customersOnly: false,
    priority: '0',
  };
}

const majorText = (minor: number, currency: string): string =>
  minorToDecimalString(minor, currencyExponent(currency));
const percentText = (bp: number) => String(bp / 100);

export function formOf(p: Promotion, currency: string, timeZone?: string): PromotionForm {
  const form: PromotionForm = {
    ...newForm(new Date(p.startsAt), timeZone),
    name: p.name,
    kind: p.rule.kind,
    target: p.target,
    startsAt: toWallClock(p.startsAt, timeZone),
    endsAt: p.endsAt === null ? '' : toWallClock(p.endsAt, timeZone),
    couponCode: p.couponCode ?? '',
    customersOnly: p.customersOnly,
    priority: String(p.priority),
  };
  const r = p.rule;
  switch (r.kind) {
    case 'percent_off':
      return { ...form, percent: percentText(r.bp) };
    case 'amount_off':
      return { ...form, amount: majorText(r.amountMinor, currency) };
    case 'fixed_price':
      return { ...form, amount: majorText(r.priceMinor, currency) };
    case 'multibuy':
      return { ...form, buy: String(r.buy), pay: String(r.pay) };
    case 'bundle_price':
      return { ...form, quantity: String(r.quantity), amount: majorText(r.priceMinor, currency) };
    case 'buy_get':
      return {
        ...form,
        buy: String(r.buy),
        get: String(r.get),
        getTarget: r.getTarget,
        percent: percentText(r.getPercentBp),
      };
  }
}

/** Which fields a kind of rule asks for, besides the target. */
export function ruleFields(kind: RuleKind): FormField[] {
  switch (kind) {
    case 'percent_off':
      return ['percent'];
    case 'amount_off':
    case 'fixed_price':
      return ['amount'];
    case 'multibuy':
      return ['buy', 'pay'];
    case 'bundle_price':
      return ['quantity', 'amount'];
    case 'buy_get':
      return ['buy', 'get', 'percent', 'getTarget'];
  }
}

const targetSize = (t: Target) => t.productIds.length + t.categoryIds.length;

/** The campaign the form describes, or what to fix, field by field, in the manager's words. */
export function readForm(
  form: PromotionForm,
  currency: string,
  locales: readonly string[],
  timeZone?: string,
): { draft: PromotionDraft } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const exponent = currencyExponent(currency);
  const count = (field: 'buy' | 'pay' | 'quantity' | 'get', min: number): number => {
    const text = form[field].trim();
    const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= 100)) errors[field] = msg(str`Type a whole number from ${min} to 100.`);
    return n;
  };
  const money = (min: number): number => {
    const minor = parseAmount(form.amount, exponent, locales);
    if (minor === null || minor < min) errors.amount = msg('Type an amount, e.g. 5 or 5.50.');
    return minor ?? 0;
  };
  const percent = (): number => {
    const bp = parseAmount(form.percent, 2, locales);
    if (bp === null || bp < 1 || bp > 10_000) errors.percent = msg('Type a percent above 0, up to 100.');
    return bp ?? 0;
  };
  let rule: Rule;
  switch (form.kind) {
    case 'percent_off':
      rule = { kind: 'percent_off', bp: percent() };
      break;
    case 'amount_off':
      rule = { kind: 'amount_off', amountMinor: money(1) };
      break;
    case 'fixed_price':
      rule = { kind: 'fixed_price', priceMinor: money(0) };
      break;
    case 'multibuy': {
      const buy = count('buy', 2);
      const pay = count('pay', 1);
      if (errors.buy === undefined && errors.pay === undefined && pay >= buy) {
        errors.pay = msg('Pay for fewer than you buy, e.g. buy 3, pay for 2.');
      }
      rule = { kind: 'multibuy', buy, pay };
      break;
    }
    case 'bundle_price':
      rule = { kind: 'bundle_price', quantity: count('quantity', 2), priceMinor: money(0) };
      break;
    case 'buy_get':
      if (targetSize(form.getTarget) === 0) errors.getTarget = msg('Pick what the customer gets.');
      rule = {
        kind: 'buy_get',
        buy: count('buy', 1),
        get: count('get', 1),
        getTarget: form.getTarget,
        getPercentBp: percent(),
      };
      break;
  }
  const name = form.name.trim();
  if (name === '' || name.length > 80) errors.name = msg('Give the campaign a name (up to 80 characters).');
  if (targetSize(form.target) === 0) errors.target = msg('Pick at least one product or category.');
  const starts = fromWallClock(form.startsAt, timeZone);
  if (Number.isNaN(starts)) errors.startsAt = msg('Pick when the campaign starts.');
  const ends = form.endsAt === '' ? null : fromWallClock(form.endsAt, timeZone);
  if (ends !== null && (Number.isNaN(ends) || (!Number.isNaN(starts) && ends <= starts))) {
    errors.endsAt = msg('The end must come after the start.');
  }
  const code = form.couponCode.trim().toUpperCase();
  if (code !== '' && !/^[A-Z0-9][A-Z0-9-]{2,31}$/.test(code)) {
    errors.couponCode = msg('A code is 3 to 32 letters, digits or dashes.');
  }
  const priority = /^\d{1,4}$/.test(form.priority.trim()) ? Number(form.priority.trim()) : NaN;
  if (!(priority >= 0 && priority <= 1000)) errors.priority = msg('Type a whole number from 0 to 1000.');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    draft: {
      name,
      target: form.target,
      rule,
      startsAt: new Date(starts).toISOString(),
      endsAt: ends === null ? null : new Date(ends).toISOString(),
      couponCode: code === '' ? null : code,
      customersOnly: form.customersOnly,
      priority,
    },
  };
}

/** The rule in a few words, for the list and the editor: "25 % off", "Buy 3, pay for 2". */
export function ruleSummary(rule: Rule, currency: string): string {
  const money = (minor: number) => storeMoney(minor, currency);
  const percent = (bp: number) => formatPercentBp(bp, storeFormat().locale);
  switch (rule.kind) {
    case 'percent_off':
      return msg(str`${percent(rule.bp)} off`);
    case 'amount_off':
      return msg(str`${money(rule.amountMinor)} off each`);
    case 'fixed_price':
      return msg(str`Fixed price ${money(rule.priceMinor)}`);
    case 'multibuy':
      return msg(str`Buy ${rule.buy}, pay for ${rule.pay}`);
    case 'bundle_price':
      return msg(str`${rule.quantity} for ${money(rule.priceMinor)}`);
    case 'buy_get':
      return rule.getPercentBp === 10_000
        ? msg(str`Buy ${rule.buy}, get ${rule.get} free`)
        : msg(str`Buy ${rule.buy}, get ${rule.get} at ${percent(rule.getPercentBp)} off`);
  }
}

/** The kinds of campaign by name, for the editor's choice. */
export function kindLabel(kind: RuleKind): string {
  switch (kind) {
    case 'percent_off':
      return msg('Percent off');
    case 'amount_off':
      return msg('Amount off');
    case 'fixed_price':
      return msg('Fixed price');
    case 'multibuy':
      return msg('Multibuy (3 for 2)');
    case 'bundle_price':
      return msg('N for a price / mix and match');
    case 'buy_get':
      return msg('Buy X, get Y');
  }
}

/** Where a campaign stands, as the list's tabs and the editor's badge say it. */
export function statusLabel(status: PromotionStatus): string {
  switch (status) {
    case 'active':
      return msg('Running now');
    case 'scheduled':
      return msg('Scheduled');
    case 'ended':
      return msg('Ended');
    case 'archived':
      return msg('Archived');
  }
}
