import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { currencyExponent, minorToDecimalString } from '../../shared/format/money.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { setStoreFormat, storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { setStoreTimeZone } from '../components/admin-format.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { getSettings, saveSettings, type StoreSettings } from './settings-api.js';
import { SettingsSection } from './settings-section.js';

/** Locales a store is likely to format in; any other BCP 47 tag can be typed. */
const COMMON_LOCALES = [
  'da-DK',
  'fi-FI',
  'sv-FI',
  'uk-UA',
  'zh-TW',
  'zh-CN',
  'en-GB',
  'en-US',
  'nb-NO',
  'sv-SE',
  'de-DE',
];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** An amount in minor units as a plain number in the store's way ("0,50"), for an input to edit. */
function decimalIn(locale: string, minor: number, exponent: number): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
    useGrouping: false,
  }).format(minorToDecimalString(minor, exponent));
}

/** The store's identity and how it counts: name, address, locale, time zone, tax mode, cash rounding. */
@customElement('store-settings-form')
@localized()
export class StoreSettingsForm extends SettingsSection {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _settings: StoreSettings | null = null;

  protected override async load(): Promise<void> {
    this._settings = await getSettings(this.api);
  }

  override render() {
    const s = this._settings;
    if (s === null) return html`<p role="status">${msg('Loading…')}</p>`;
    const exponent = currencyExponent(s.currency);
    return html`<form @submit=${this._save} aria-labelledby="store-heading">
      <h2 id="store-heading">${msg('Store')}</h2>
      ${this._renderNotice()}
      <div class="form-grid">
        <label class="field">
          <span>${msg('Store name')}</span>
          <input name="name" required maxlength="80" .value=${s.name} />
        </label>
        <label class="field">
          <span>${msg('Address')}</span>
          <textarea name="address" maxlength="300" .value=${s.address}></textarea>
        </label>
        <label class="field">
          <span>${msg('Number and date format (locale)')}</span>
          <input name="locale" list="locales" required maxlength="35" .value=${s.locale} />
          <datalist id="locales">${COMMON_LOCALES.map((l) => html`<option value=${l}></option>`)}</datalist>
        </label>
        <label class="field">
          <span>${msg('Time zone')}</span>
          <input name="timeZone" list="zones" required maxlength="64" .value=${s.timeZone} />
          <datalist id="zones">${timeZones().map((z) => html`<option value=${z}></option>`)}</datalist>
        </label>
        <label class="field">
          <span>${msg('Prices on the shelf')}</span>
          <select name="taxMode">
            <option value="inclusive" ?selected=${s.taxMode === 'inclusive'}>${msg('Include tax')}</option>
            <option value="exclusive" ?selected=${s.taxMode === 'exclusive'}>${msg('Exclude tax')}</option>
          </select>
        </label>
        <label class="field">
          <span>${msg('Cash is rounded to')}</span>
          <input
            name="cashRounding"
            inputmode="decimal"
            required
            .value=${decimalIn(s.locale, s.cashRoundingMinor, exponent)}
          />
        </label>
        <label class="field">
          <span>${msg('Address customers reach the hub at (for e-receipt QR codes)')}</span>
          <input name="publicBaseUrl" type="url" maxlength="200" .value=${s.publicBaseUrl ?? ''} />
        </label>
        <div class="field">
          <span>${msg('Currency and country')}</span>
          <strong>${s.currency} · ${s.country}</strong>
          <span class="muted"
            >${msg('Set when the store was created; sales and cash counts depend on them.')}</span
          >
        </div>
      </div>
      <p>
        <button class="button primary" type="submit" ?disabled=${this.busy}>
          ${msg('Save store settings')}
        </button>
      </p>
    </form>`;
  }

  private _renderNotice() {
    if (this.notice === null) return nothing;
    return html`<p
      class="notice ${this.notice.error ? 'error' : ''}"
      role=${this.notice.error ? 'alert' : 'status'}
    >
      ${this.notice.text}
    </p>`;
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const s = this._settings;
    if (s === null) return;
    const form = event.currentTarget as HTMLFormElement;
    const rounding = parseAmount(formText(form, 'cashRounding'), currencyExponent(s.currency), [
      s.locale,
      adminLocale(),
    ]);
    if (rounding === null || rounding < 1) {
      this.notice = {
        text: msg('Type the cash rounding as an amount, such as 0.50 (1 coin of the smallest kind).'),
        error: true,
      };
      return;
    }
    void this.run(async () => {
      const url = formText(form, 'publicBaseUrl');
      const saved = await saveSettings(this.api, {
        name: formText(form, 'name'),
        address: formText(form, 'address'),
        locale: formText(form, 'locale'),
        timeZone: formText(form, 'timeZone'),
        taxMode: formText(form, 'taxMode') === 'exclusive' ? 'exclusive' : 'inclusive',
        cashRoundingMinor: rounding,
        publicBaseUrl: url === '' ? null : url,
      });
      this._settings = saved;
      setStoreFormat({ locale: saved.locale, currency: saved.currency });
      setStoreTimeZone(saved.timeZone);
      return msg(str`Store settings saved. Cash is rounded to ${storeMoney(saved.cashRoundingMinor)}`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'store-settings-form': StoreSettingsForm;
  }
}
