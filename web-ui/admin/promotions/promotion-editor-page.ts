import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { storeFormat } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { getStoreTimeZone } from '../components/admin-format.js';
import { adminErrorText, fieldIssues } from '../components/error-text.js';
import { pageStyles } from '../components/page-styles.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { AdminPage } from '../shell/admin-page.js';
import { navigate } from '../shell/navigation.js';
import { endCampaign, removeCampaign } from './campaign-actions.js';
import { combineHelp } from './combine-help.js';
import { promotionStyles, renderNotice, runAction, type Notice } from './page-notice.js';
import {
  formOf,
  kindLabel,
  newForm,
  readForm,
  ruleFields,
  ruleSummary,
  statusLabel,
  type FormErrors,
  type PromotionForm,
} from './promotion-form.js';
import {
  createPromotion,
  getProduct,
  getPromotion,
  listCategories,
  RULE_KINDS,
  updatePromotion,
  type CategoryOption,
  type Promotion,
  type PromotionDraft,
  type RuleKind,
  type Target,
} from './promotions-api.js';
import './sample-cart.js';
import './target-picker.js';

type TextField =
  | 'name'
  | 'percent'
  | 'amount'
  | 'buy'
  | 'pay'
  | 'quantity'
  | 'get'
  | 'startsAt'
  | 'endsAt'
  | 'couponCode'
  | 'priority';

/**
 * One campaign: its kind of rule with the fields that kind needs, what it covers, when it runs, who gets
 * it (everyone, a coupon code, customers only) and a sample cart priced as if it were saved. The hub
 * checks everything again; its answer is shown by the field it names.
 */
@customElement('promotion-editor-page')
@localized()
export class PromotionEditorPage extends AdminPage {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    promotionStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
      }
    `,
  ];

  @state() private _form: PromotionForm = newForm(new Date(), getStoreTimeZone());
  @state() private _saved: Promotion | null = null;
  @state() private _errors: FormErrors = {};
  @state() notice: Notice | null = null;
  @state() busy = false;
  @state() private _categories: readonly CategoryOption[] = [];
  @state() private _names: ReadonlyMap<string, string> = new Map();
  /** The id a new campaign is created with, kept if the save must be sent again. */
  private _newId = uuidv7();

  private get _id(): string | null {
    return this.params.id ?? null;
  }

  private get _currency(): string {
    return storeFormat().currency;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('params')) void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._categories = await listCategories(this.api);
      const id = this._id;
      if (id === null) return;
      const promotion = await getPromotion(this.api, id);
      this._saved = promotion;
      this._form = formOf(promotion, this._currency, getStoreTimeZone());
      const ids = [...promotion.target.productIds];
      if (promotion.rule.kind === 'buy_get') ids.push(...promotion.rule.getTarget.productIds);
      const names = new Map<string, string>();
      for (const productId of ids.slice(0, 100))
        names.set(productId, (await getProduct(this.api, productId)).name);
      this._names = names;
    } catch (error) {
      this.notice = { text: adminErrorText(error), error: true };
    }
  }

  override render() {
    const saved = this._saved;
    const draft = this._draft();
    return html`<div class="head">
        <h1 tabindex="-1">${saved === null ? msg('New campaign') : saved.name}</h1>
        ${saved === null ? nothing : html`<span class="badge" data-status>${statusLabel(saved.status)}</span>`}
        <div class="actions">
          <a class="button" href="/admin/promotions">${msg('All campaigns')}</a>
          ${
            saved?.status === 'active'
              ? html`<button class="button" type="button" ?disabled=${this.busy} @click=${this._end}>
                  ${msg('End now')}
                </button>`
              : nothing
          }
          ${
            saved === null
              ? nothing
              : html`<button class="button" type="button" ?disabled=${this.busy} @click=${this._delete}>
                  ${msg('Delete')}
                </button>`
          }
        </div>
      </div>
      ${renderNotice(this.notice)}
      <form @submit=${this._save} novalidate>
        <section class="card" aria-labelledby="rule-heading">
          <h2 id="rule-heading">${msg('Rule')}</h2>
          <div class="form-grid">
            ${this._text('name', msg('Name on the till and the receipt'), 'text')}
            <label class="field">
              <span>${msg('Kind')}</span>
              <select
                name="kind"
                @change=${(e: Event) => this._set({ kind: (e.target as HTMLSelectElement).value as RuleKind })}
              >
                ${RULE_KINDS.map((k) => html`<option value=${k} ?selected=${k === this._form.kind}>${kindLabel(k)}</option>`)}
              </select>
            </label>
            ${this._ruleFields()}
          </div>
          ${draft === null ? nothing : html`<p class="muted" data-rule-summary>${ruleSummary(draft.rule, this._currency)}</p>`}
        </section>
        <section class="card" aria-labelledby="target-heading">
          <h2 id="target-heading">${msg('What it covers')}</h2>
          ${this._target('target', this._form.kind === 'buy_get' ? msg('What the customer buys') : msg('Products and categories'))}
          ${this._form.kind === 'buy_get' ? this._target('getTarget', msg('What the customer gets')) : nothing}
        </section>
        <section class="card" aria-labelledby="when-heading">
          <h2 id="when-heading">${msg('When and for whom')}</h2>
          <div class="form-grid">
            ${this._text('startsAt', msg('Starts'), 'datetime-local')}
            ${this._text('endsAt', msg('Ends (empty: no end)'), 'datetime-local')}
            ${this._text('couponCode', msg('Coupon code (empty: no code needed)'), 'text')}
            ${this._text('priority', msg('Priority among deals (0-1000)'), 'text')}
            <label class="check">
              <input
                type="checkbox"
                name="customersOnly"
                .checked=${this._form.customersOnly}
                @change=${(e: Event) => this._set({ customersOnly: (e.target as HTMLInputElement).checked })}
              />
              ${msg('Only with a customer on the sale (member price)')}
            </label>
          </div>
        </section>
        <div class="toolbar">
          <button class="button primary" type="submit" ?disabled=${this.busy}>${msg('Save campaign')}</button>
        </div>
      </form>
      <promotion-sample-cart .draft=${draft}></promotion-sample-cart>
      ${combineHelp()}`;
  }

  private _ruleFields() {
    const fields = ruleFields(this._form.kind);
    const kind = this._form.kind;
    const amountLabel =
      kind === 'amount_off'
        ? msg('Amount off each')
        : kind === 'fixed_price'
          ? msg('Price each')
          : msg('Price for the group');
    return html`${fields.includes('buy') ? this._text('buy', msg('Buy'), 'text') : nothing}
    ${fields.includes('pay') ? this._text('pay', msg('Pay for'), 'text') : nothing}
    ${fields.includes('quantity') ? this._text('quantity', msg('How many'), 'text') : nothing}
    ${fields.includes('get') ? this._text('get', msg('Get'), 'text') : nothing}
    ${fields.includes('percent') ? this._text('percent', kind === 'buy_get' ? msg('Percent off what they get (100 = free)') : msg('Percent off'), 'text') : nothing}
    ${fields.includes('amount') ? this._text('amount', amountLabel, 'text') : nothing}`;
  }

  private _text(field: TextField, label: string, type: 'text' | 'datetime-local') {
    const error = this._errors[field];
    const numeric = ['buy', 'pay', 'quantity', 'get', 'priority'].includes(field);
    const decimal = field === 'amount' || field === 'percent';
    // The error sits beside the label, not in it, so the field keeps its name and the error is read as
    // its description.
    return html`<div>
      <label class="field">
        <span>${label}</span>
        <input
          name=${field}
          type=${type}
          autocomplete="off"
          inputmode=${numeric ? 'numeric' : decimal ? 'decimal' : nothing}
          .value=${this._form[field]}
          aria-invalid=${error === undefined ? 'false' : 'true'}
          aria-describedby=${error === undefined ? nothing : `${field}-error`}
          @input=${(e: Event) => this._set({ [field]: (e.target as HTMLInputElement).value })}
        />
      </label>
      ${error === undefined ? nothing : html`<span class="field-error" id="${field}-error">${error}</span>`}
    </div>`;
  }

  private _target(field: 'target' | 'getTarget', legend: string) {
    return html`<promotion-target-picker
      .name=${field}
      .legend=${legend}
      .target=${this._form[field]}
      .categories=${this._categories}
      .productNames=${this._names}
      .error=${this._errors[field] ?? null}
      .onChange=${(target: Target, picked?: { id: string; name: string }) => {
        if (picked) this._names = new Map([...this._names, [picked.id, picked.name]]);
        this._set({ [field]: target });
      }}
    ></promotion-target-picker>`;
  }

  private _set(change: Partial<PromotionForm>): void {
    this._form = { ...this._form, ...change };
    const changed = new Set<string>(Object.keys(change));
    this._errors = Object.fromEntries(Object.entries(this._errors).filter(([key]) => !changed.has(key)));
  }

  private _locales(): string[] {
    return [adminLocale(), storeFormat().locale];
  }

  /** The campaign as the form stands, for the sample cart; null while it does not read. */
  private _draft(): PromotionDraft | null {
    const read = readForm(this._form, this._currency, this._locales(), getStoreTimeZone());
    if (!('draft' in read)) return null;
    return { ...read.draft, id: this._id ?? this._newId };
  }

  private _save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const read = readForm(this._form, this._currency, this._locales(), getStoreTimeZone());
    if (!('draft' in read)) {
      this._errors = read.errors;
      this.notice = { text: msg('Check the fields marked below.'), error: true };
      return;
    }
    this.busy = true;
    try {
      const id = this._id;
      const saved =
        id === null
          ? await createPromotion(this.api, { ...read.draft, id: this._newId })
          : await updatePromotion(this.api, id, read.draft);
      this._saved = saved;
      this.notice = { text: msg(str`${saved.name} is saved.`), error: false };
      if (id === null) navigate(`/admin/promotions/${saved.id}`, { replace: true });
    } catch (error) {
      const issues = fieldIssues(error);
      this._errors = Object.fromEntries(issues.map((i) => [i.path.split('.')[0] ?? '', i.message]));
      this.notice = { text: adminErrorText(error), error: true };
    } finally {
      this.busy = false;
    }
  };

  private _end = async (): Promise<void> => {
    const saved = this._saved;
    if (saved === null) return;
    await runAction(this, async () => {
      const said = await endCampaign(this, this.api, saved);
      if (said === null) return null;
      this._saved = await getPromotion(this.api, saved.id);
      this._form = formOf(this._saved, this._currency, getStoreTimeZone());
      return said;
    });
  };

  private _delete = async (): Promise<void> => {
    const saved = this._saved;
    if (saved === null) return;
    await runAction(this, async () => {
      const said = await removeCampaign(this, this.api, saved);
      if (said !== null) navigate('/admin/promotions');
      return said;
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'promotion-editor-page': PromotionEditorPage;
  }
}
