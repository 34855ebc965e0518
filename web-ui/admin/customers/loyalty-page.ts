import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { currencyExponent, minorToDecimalString } from '../../shared/format/money.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { AdminPage } from '../shell/admin-page.js';
import type { Tier } from './customers-api.js';
import { customersErrorText, renderNotice, type Notice } from './customer-text.js';
import { getLoyaltySettings, saveLoyaltySettings, type LoyaltySettings } from './loyalty-api.js';
import { typedMoney } from './money-input.js';

const amountText = (minor: number) => minorToDecimalString(minor, currencyExponent(storeFormat().currency));

/**
 * The loyalty programme: on or off, points earned per amount spent, what a point is worth when it pays,
 * and optional tiers (from so many lifetime points, earn at a multiplier).
 */
@customElement('loyalty-page')
@localized()
export class LoyaltyPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _settings: LoyaltySettings | null = null;
  @state() private _tiers: Tier[] = [];
  @state() private _notice: Notice | null = null;
  @state() private _busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    getLoyaltySettings(this.api).then(
      (s) => {
        this._settings = s;
        this._tiers = s.tiers;
      },
      (error: unknown) => {
        this._notice = { text: customersErrorText(error), error: true };
      },
    );
  }

  override render() {
    const s = this._settings;
    return html`<div class="head"><h1>${msg('Loyalty')}</h1></div>
      ${renderNotice(this._notice)}
      ${s === null ? html`<p role="status">${msg('Loading…')}</p>` : this._renderForm(s)}`;
  }

  private _renderForm(s: LoyaltySettings) {
    return html`<form class="card" @submit=${this._save} aria-labelledby="rules-heading">
      <h2 id="rules-heading">${msg('Earning and paying with points')}</h2>
      <label class="check">
        <input type="checkbox" name="enabled" ?checked=${s.enabled} />
        <span>${msg('Customers earn and spend points')}</span>
      </label>
      <div class="form-grid">
        <label class="field">
          <span>${msg('Points earned')}</span>
          <input
            name="earnPoints"
            type="number"
            min="0"
            max="10000"
            step="1"
            required
            .value=${String(s.earnPoints)}
          />
        </label>
        <label class="field">
          <span>${msg('For every amount spent')}</span>
          <input name="spendStep" inputmode="decimal" required .value=${amountText(s.spendStepMinor)} />
        </label>
        <label class="field">
          <span>${msg('One point pays')}</span>
          <input name="pointValue" inputmode="decimal" required .value=${amountText(s.pointValueMinor)} />
        </label>
      </div>
      <p class="muted" data-rule-summary>
        ${msg(
          str`${s.earnPoints} points per ${storeMoney(s.spendStepMinor)} spent; a point pays ${storeMoney(s.pointValueMinor)}.`,
        )}
      </p>
      <h3>${msg('Tiers')}</h3>
      <p class="muted">
        ${msg('Optional. A customer earns at the multiplier of the highest tier their lifetime points reach.')}
      </p>
      ${this._tiers.map((t, i) => this._renderTier(t, i))}
      <div class="toolbar">
        <button class="button" type="button" @click=${this._addTier}>${msg('Add a tier')}</button>
        <button class="button primary" type="submit" ?disabled=${this._busy}>${msg('Save')}</button>
      </div>
    </form>`;
  }

  private _renderTier(t: Tier, i: number) {
    return html`<fieldset class="toolbar" data-tier>
      <legend class="visually-hidden">${msg(str`Tier ${i + 1}`)}</legend>
      <label class="field">
        <span>${msg('Tier name')}</span>
        <input name=${`tierName${i}`} required maxlength="40" .value=${t.name} />
      </label>
      <label class="field">
        <span>${msg('From lifetime points')}</span>
        <input name=${`tierMin${i}`} type="number" min="0" step="1" required .value=${String(t.minPoints)} />
      </label>
      <label class="field">
        <span>${msg('Earn multiplier (%)')}</span>
        <input
          name=${`tierMul${i}`}
          type="number"
          min="0"
          max="1000"
          step="1"
          required
          .value=${String(t.multiplierBp / 100)}
        />
      </label>
      <button class="button" type="button" @click=${() => this._removeTier(i)}>${msg('Remove')}</button>
    </fieldset>`;
  }

  private _addTier = (): void => {
    const top = this._tiers.reduce((n, t) => Math.max(n, t.minPoints), 0);
    this._tiers = [...this._tiers, { name: '', minPoints: top + 1000, multiplierBp: 15_000 }];
  };

  private _removeTier(index: number): void {
    this._tiers = this._tiers.filter((_, i) => i !== index);
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const spendStep = typedMoney(formText(form, 'spendStep'));
    const pointValue = typedMoney(formText(form, 'pointValue'));
    if (spendStep === null || spendStep < 1 || pointValue === null || pointValue < 1) {
      this._notice = { text: msg('Type the amounts as money, such as 10.00 and 0.01.'), error: true };
      return;
    }
    const tiers = this._tiers.map((_, i) => ({
      name: formText(form, `tierName${i}`),
      minPoints: Number(formText(form, `tierMin${i}`)),
      multiplierBp: Math.round(Number(formText(form, `tierMul${i}`)) * 100),
    }));
    const settings: LoyaltySettings = {
      enabled: new FormData(form).get('enabled') !== null,
      earnPoints: Number(formText(form, 'earnPoints')),
      spendStepMinor: spendStep,
      pointValueMinor: pointValue,
      tiers,
    };
    this._busy = true;
    saveLoyaltySettings(this.api, settings)
      .then((saved) => {
        this._settings = saved;
        this._tiers = saved.tiers;
        this._notice = { text: msg('Loyalty settings saved.'), error: false };
      })
      .catch((error: unknown) => {
        this._notice = { text: customersErrorText(error), error: true };
      })
      .finally(() => {
        this._busy = false;
      });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-page': LoyaltyPage;
  }
}
