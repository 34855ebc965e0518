import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable, renderTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { customersErrorText, giftCardKindName, renderNotice, signed, type Notice } from './customer-text.js';
import {
  getGiftCard,
  listGiftCards,
  reloadGiftCard,
  type GiftCard,
  type GiftCardSummary,
} from './gift-cards-api.js';
import { typedMoney } from './money-input.js';
import './gift-card-products-section.js';

/**
 * Gift cards: look a card up (balance and ledger), load or correct it with a reason, and browse every card
 * by the start of its code. Cards are sold and spent at the tills.
 */
@customElement('gift-cards-page')
@localized()
export class GiftCardsPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _card: GiftCard | null = null;
  @state() private _notice: Notice | null = null;
  @state() private _busy = false;
  @state() private _prefix = '';

  private _list = new PagedList<GiftCardSummary>(this, (limit, offset, signal) =>
    listGiftCards(this.api, this._prefix, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
  }

  override render() {
    return html`<div class="head"><h1>${msg('Gift cards')}</h1></div>
      ${renderNotice(this._notice)}
      <section class="card" aria-labelledby="lookup-heading">
        <h2 id="lookup-heading">${msg('Look up a card')}</h2>
        <form class="toolbar" @submit=${this._lookup}>
          <label class="field">
            <span>${msg('Card code')}</span>
            <input name="code" required maxlength="40" autocomplete="off" />
          </label>
          <button class="button primary" type="submit" ?disabled=${this._busy}>${msg('Show balance')}</button>
        </form>
        ${this._card === null ? nothing : this._renderCard(this._card)}
      </section>
      <section class="card" aria-labelledby="issue-heading">
        <h2 id="issue-heading">${msg('Load a card')}</h2>
        <p class="muted">${msg('A code that is not in use yet becomes a new card in the store currency.')}</p>
        ${this._renderReload('')}
      </section>
      <form class="toolbar" role="search" @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <label class="field">
          <span>${msg('Codes starting with')}</span>
          <input type="search" autocomplete="off" @input=${this._filter} />
        </label>
      </form>
      ${renderPagedTable(this._list, {
        caption: msg('All gift cards'),
        empty: msg('No gift card yet.'),
        columns: [
          {
            header: msg('Code'),
            cell: (c) =>
              html`<button class="button" type="button" @click=${() => void this._show(c.code)}>
                ${c.code}
              </button>`,
          },
          { header: msg('Balance'), cell: (c) => storeMoney(c.balanceMinor, c.currency), align: 'end' },
          { header: msg('Last used'), cell: (c) => dateTime(c.lastActivityAt) },
        ],
      })}
      <gift-card-products-section .api=${this.api}></gift-card-products-section>`;
  }

  private _renderCard(card: GiftCard) {
    return html`<p>
        ${msg(str`Card ${card.code}`)} ·
        <strong class="figure" data-gift-balance>${storeMoney(card.balanceMinor, card.currency)}</strong>
      </p>
      ${renderTable({
        caption: msg(str`Ledger of ${card.code}`),
        empty: msg('Nothing on this card yet.'),
        rows: card.entries,
        columns: [
          { header: msg('Date'), cell: (e) => dateTime(e.at) },
          { header: msg('What'), cell: (e) => giftCardKindName(e.kind) },
          { header: msg('Note'), cell: (e) => e.note },
          {
            header: msg('Amount'),
            cell: (e) => signed(storeMoney(e.amountMinor, card.currency), e.amountMinor),
            align: 'end',
          },
        ],
      })}
      <h3>${msg('Load or correct this card')}</h3>
      ${this._renderReload(card.code)}`;
  }

  private _renderReload(code: string) {
    return html`<form class="toolbar" @submit=${this._reload}>
      ${
        code === ''
          ? html`<label class="field">
              <span>${msg('Card code')}</span>
              <input name="code" required maxlength="40" autocomplete="off" />
            </label>`
          : html`<input type="hidden" name="code" .value=${code} />`
      }
      <label class="field">
        <span>${msg('Amount (negative to take off)')}</span>
        <input name="amount" required inputmode="decimal" autocomplete="off" />
      </label>
      <label class="field">
        <span>${msg('Reason')}</span>
        <input name="note" required maxlength="200" />
      </label>
      <button class="button" type="submit" ?disabled=${this._busy}>${msg('Save')}</button>
    </form>`;
  }

  private async _run(work: () => Promise<string | null>): Promise<void> {
    this._busy = true;
    try {
      const text = await work();
      this._notice = text === null ? null : { text, error: false };
    } catch (error) {
      this._notice = { text: customersErrorText(error), error: true };
    } finally {
      this._busy = false;
    }
  }

  private _show(code: string): Promise<void> {
    return this._run(async () => {
      this._card = await getGiftCard(this.api, code);
      return null;
    });
  }

  private _lookup = (event: SubmitEvent): void => {
    event.preventDefault();
    void this._show(formText(event.currentTarget as HTMLFormElement, 'code'));
  };

  private _reload = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const amount = typedMoney(formText(form, 'amount'));
    if (amount === null || amount === 0) {
      this._notice = { text: msg('Type an amount other than 0, such as 100.00 or -25.00.'), error: true };
      return;
    }
    const code = formText(form, 'code');
    const note = formText(form, 'note');
    void this._run(async () => {
      this._card = await reloadGiftCard(this.api, code, amount, note);
      form.reset();
      await this._list.reload();
      return msg(
        str`Card ${this._card.code} now holds ${storeMoney(this._card.balanceMinor, this._card.currency)}.`,
      );
    });
  };

  private _filter = (event: InputEvent): void => {
    this._prefix = (event.target as HTMLInputElement).value.trim();
    void this._list.load();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gift-cards-page': GiftCardsPage;
  }
}
