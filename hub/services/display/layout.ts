// What the customer display shows for a sale: pure, from the sale and the store's settings. Every string
// returned is already in the display's own characters (see display-text.ts), exactly `columns` wide.
import type { SaleLineView, SaleTotalsView, SaleView } from '../sales/types.js';
import { moneyForms, shown, showable, type MoneySettings } from './display-text.js';
import { displayMessagesFor, en, type DisplayMessages } from './messages.js';

export type DisplayLines = [string, string];

export interface DisplayStore extends MoneySettings {
  name: string;
}

/** The display as its firmware profile describes it. */
export interface DisplayScreen {
  columns: number;
  codePage: string;
}

/** The parts of a SaleView the display needs (a SaleView fits). */
export interface DisplaySale {
  kind: SaleView['kind'];
  status: SaleView['status'];
  lines: readonly Pick<SaleLineView, 'status' | 'lineNo' | 'name' | 'sku' | 'totalMinor'>[];
  totals: Pick<SaleTotalsView, 'totalMinor' | 'toPayMinor' | 'paidMinor' | 'dueMinor' | 'changeMinor'>;
}

/** A name keeps at least this many columns before the amount beside it loses its currency sign. */
const MIN_NAME = 10;

class Screen {
  private readonly m: DisplayMessages;
  constructor(
    private readonly store: DisplayStore,
    private readonly screen: DisplayScreen,
  ) {
    this.m = displayMessagesFor(store.locale);
  }

  label(key: keyof DisplayMessages): string {
    const text = this.m[key];
    return shown(showable(text, this.screen.codePage) ? text : en[key], this.screen.codePage);
  }

  /**
   * Text on the left, an amount on the right in its longest form that leaves the text `keep` columns. A
   * name is cut to fit; a label is whole or left out ("TO" says nothing).
   */
  private row(left: string, minor: number, keep: number, kind: 'label' | 'name'): string {
    const width = this.screen.columns;
    const forms = moneyForms(minor, this.store, this.screen.codePage).slice(kind === 'label' ? 0 : 1);
    const right =
      forms.find((f) => Math.min(left.length, keep) + 1 + f.length <= width) ?? forms.at(-1) ?? '';
    const room = Math.max(width - right.length - 1, 0);
    const head = kind === 'label' && left.length > room ? '' : left.slice(0, room).trimEnd();
    return (head + right.padStart(width - head.length)).slice(-width);
  }

  labelled(key: keyof DisplayMessages, minor: number): string {
    const label = this.label(key);
    return this.row(label, minor, label.length, 'label');
  }

  /** The line's name, else its SKU when the display cannot show the name (Chinese), else its number. */
  item(line: DisplaySale['lines'][number]): string {
    const codePage = this.screen.codePage;
    const name = [line.name, line.sku].find((t) => t.trim() !== '' && showable(t, codePage));
    const text = name === undefined ? `#${String(line.lineNo)}` : shown(name, codePage);
    return this.row(text, line.totalMinor, MIN_NAME, 'name');
  }

  centred(text: string): string {
    const width = this.screen.columns;
    const cut = text.slice(0, width);
    return cut.padStart(Math.floor((width + cut.length) / 2)).padEnd(width);
  }

  welcome(): DisplayLines {
    const name = showable(this.store.name, this.screen.codePage)
      ? shown(this.store.name, this.screen.codePage)
      : '';
    return [this.centred(this.label('welcome')), this.centred(name)];
  }
}

/** The idle screen: a welcome and the store's name (left out when the display cannot show it). */
export function welcomeLines(store: DisplayStore, screen: DisplayScreen): DisplayLines {
  return new Screen(store, screen).welcome();
}

/**
 * Selling: the last active line's name and amount, then the total. Paying: the total and what is still due,
 * or the change. Completed: a thank-you and the change (the customer still waits for it) or the total paid.
 * Voided, parked or empty: the welcome.
 */
export function saleLines(sale: DisplaySale, store: DisplayStore, screen: DisplayScreen): DisplayLines {
  const s = new Screen(store, screen);
  const t = sale.totals;
  const refund = sale.kind === 'return';
  const amount = (minor: number) => (refund ? Math.abs(minor) : minor);
  if (sale.status === 'completed') {
    const last =
      t.changeMinor > 0
        ? s.labelled('change', t.changeMinor)
        : s.labelled(refund ? 'refund' : 'paid', amount(t.paidMinor));
    return [s.centred(s.label('thankYou')), last];
  }
  if (sale.status !== 'open') return s.welcome();
  const total = s.labelled(refund ? 'refund' : 'total', amount(t.toPayMinor));
  if (t.changeMinor > 0) return [total, s.labelled('change', t.changeMinor)];
  if (t.paidMinor !== 0 && t.dueMinor > 0) return [total, s.labelled('due', t.dueMinor)];
  const last = sale.lines
    .filter((l) => l.status === 'active')
    .reduce<DisplaySale['lines'][number] | null>((a, l) => (a === null || l.lineNo > a.lineNo ? l : a), null);
  if (last === null) return s.welcome();
  return [s.item(last), s.labelled(refund ? 'refund' : 'total', amount(t.totalMinor))];
}
