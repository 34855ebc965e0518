import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Tender } from '../../../shared/api/sales-endpoints.js';
import { currencyExponent } from '../../../shared/format/money.js';
import { parseMajorAmount } from '../amount-input.js';
import {
  cardBlock,
  cardTender,
  cashTender,
  needsReference,
  otherTenders,
  payAction,
  type PayAction,
  type TenderChoice,
} from './pay-flow.js';
import type { PaySession } from './pay-session.js';
import { cardBlockText } from './payment-text.js';

const FUNCTION_KEY = /^F\d{1,2}$/;

export interface PayActionsDeps {
  session: PaySession;
  tenders(): readonly Tender[];
  currency(): string;
  /** What the cashier typed in the amount field (empty: all that is left). */
  amountText(): string;
  /** What the cashier typed in the voucher or credit number field. */
  referenceText(): string;
}

/**
 * The pay screen's tender actions, from its buttons, Enter in the amount field and the F-keys: each
 * becomes a tender choice (the typed amount or the hub's quick amount, a voucher's number) and goes to the
 * session as a payment; an action that cannot be taken says why. The F-keys are taken on the window,
 * capturing, so they work wherever the focus is and are the pay screen's while it is open (the mode
 * switch's F6/F8 must not take the till away mid-payment).
 */
export class PayActions implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly deps: PayActionsDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKey, { capture: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKey, { capture: true });
  }

  /** Takes a payment as `action` says; ignored while the pay screen is not taking one. */
  act(action: PayAction): void {
    const { session } = this.deps;
    if (session.state.phase !== 'pay' || session.busy) return;
    const choice = this.#choice(action, session.sale.totals.dueMinor);
    if (choice !== null) session.pay(choice);
  }

  /** The tender and amount for `action`; null when there is none (and, if the cashier must know, why). */
  #choice(action: PayAction, due: number): TenderChoice | null {
    const { session } = this.deps;
    const typed = this.#typedAmount();
    if (typed === undefined) return null;
    switch (action.kind) {
      case 'exact-cash':
      case 'quick-cash': {
        const cash = cashTender(this.deps.tenders());
        if (!cash) return null;
        const handed = action.kind === 'quick-cash' ? session.quickAmounts()[action.index] : typed;
        if (handed === undefined) return null;
        return { kind: 'cash', tender: cash, handedMinor: handed };
      }
      case 'card': {
        const card = cardTender(this.deps.tenders());
        if (!card) return null;
        const online = session.state.online;
        const block = cardBlock({ online, cardTender: true, dueMinor: due, busy: false });
        if (block !== null) {
          session.showError(cardBlockText(block));
          return null;
        }
        return { kind: 'other', tender: card, amountMinor: typed, reference: null };
      }
      case 'other': {
        const tender = otherTenders(this.deps.tenders())[action.index];
        if (!tender) return null;
        const reference = this.deps.referenceText().trim();
        if (needsReference(tender) && reference === '') {
          session.showError(msg('Enter the voucher or credit number first.'));
          return null;
        }
        return { kind: 'other', tender, amountMinor: typed, reference: reference === '' ? null : reference };
      }
      case 'back':
        return null;
    }
  }

  /** The typed amount in minor units; null when empty (all that is left); undefined after showing why it is wrong. */
  #typedAmount(): number | null | undefined {
    const text = this.deps.amountText().trim();
    if (text === '') return null;
    const minor = parseMajorAmount(text, currencyExponent(this.deps.currency()));
    if (minor === null || minor <= 0) {
      this.deps.session.showError(msg('Enter an amount such as 100 or 100.50.'));
      return undefined;
    }
    return minor;
  }

  #onKey = (event: KeyboardEvent): void => {
    // Once the sale is done the receipt actions have their own keys (F9 print, F4 e-mail).
    const phase = this.deps.session.state.phase;
    if (phase === 'done' || phase === 'queued') return;
    if (!FUNCTION_KEY.test(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    const action = payAction(event.key);
    // Esc arrives as the dialog's cancel event.
    if (action !== null && action.kind !== 'back') this.act(action);
  };
}
