import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { HubApiError } from '../../../shared/api/errors.js';
import type { ProductHit } from '../../../shared/api/sales-endpoints.js';
import { adjustScale, readStableWeight } from '../../../shared/api/scale-endpoints.js';
import { hubConnectionContext } from '../../../shared/connection/context.js';
import type { HubConnection } from '../../../shared/connection/hub-connection.js';
import { emit } from '../../../shared/events.js';
import { storeFormat, storeMoney } from '../../../shared/format/store-format.js';
import { formatWeight } from '../../../shared/format/weight.js';
import { dialogStyles } from '../../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../../shared/styles/theme.js';
import { errorText } from '../../app/error-text.js';
import { weighDialogStyles } from './weigh-dialog.styles.js';
import {
  acceptableGrams,
  adjusted,
  initialWeighState,
  liveReading,
  parseTypedWeight,
  readAnswered,
  readFailed,
  readTicket,
  weighStatus,
  type ScaleReading,
  type WeighState,
  type WeighStatus,
} from './weigh-state.js';

/**
 * Weighing a product sold by weight: the net weight live from the till's scale (the hub's 'weight' till
 * events, plus one read when the dialog opens, since a scale that is already steady sends no event), its
 * tare, and why it cannot be taken yet (moving, over capacity, below zero). Only a stable positive weight
 * is added ('weigh-accept', source 'scale'). A typed weight is 'manual': the hub asks for the
 * sale.manual_weight permission, so the cart's supervisor override (or refusal) follows as for any line.
 * Keys: Enter adds, T tares, Z zeroes, K types a weight, Esc cancels.
 */
@customElement('weigh-dialog')
@localized()
export class WeighDialog extends LitElement {
  static override styles = [baseStyles, buttonStyles, dialogStyles, weighDialogStyles];

  @property({ attribute: false }) product!: ProductHit;
  /** Till events as DOM events ('weight': detail is a ScaleReading). */
  @property({ attribute: false }) tillEvents: EventTarget | null = null;
  @property({ type: Array }) permissions: readonly string[] = [];
  @property() currency = 'DKK';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _scale: WeighState = initialWeighState();
  @state() private _typing = false;
  @state() private _busy: 'tare' | 'zero' | null = null;
  @state() private _error: string | null = null;

  @query('dialog') private _dialog?: HTMLDialogElement;
  @query('#typed-weight') private _typedInput?: HTMLInputElement;

  private _watched: EventTarget | null = null;

  /** Weights read like the scale's display and the labels: in the store's locale, as money is. */
  private get _locale(): string {
    return storeFormat().locale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._watch(this.tillEvents);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._watch(null);
  }

  override willUpdate(): void {
    if (this._watched !== this.tillEvents) this._watch(this.tillEvents);
  }

  override firstUpdated(): void {
    this._dialog?.showModal();
    // Focus on the dialog, not its first button, so Enter adds the weight rather than taring.
    this._dialog?.focus();
    void this._read();
  }

  override render() {
    const status = weighStatus(this._scale);
    const reading = this._scale.reading;
    const grams = acceptableGrams(this._scale);
    return html`<dialog
      tabindex="-1"
      aria-labelledby="weigh-title"
      @cancel=${this._onCancel}
      @keydown=${this._onKey}
    >
      <h2 id="weigh-title">${msg(str`Weigh ${this.product.name}`)}</h2>
      <p class="per-kg">${msg(str`${storeMoney(this.product.priceMinor, this.currency)} per kg`)}</p>
      <div class="readout" data-status=${status}>
        <span class="visually-hidden">${msg('Net weight')}</span>
        <output class="net" data-net-grams=${reading?.grams ?? ''}>
          ${reading && status !== 'no_scale' ? formatWeight(reading.grams, this._locale) : '–'}
        </output>
        <p class="status ${status === 'ready' ? '' : 'problem'}" role="status" aria-live="polite">
          ${statusText(status)}
        </p>
        <p class="tare">${msg(str`Tare: ${formatWeight(reading?.tareGrams ?? 0, this._locale)}`)}</p>
      </div>
      <div class="scale-keys" role="group" aria-label=${msg('Scale')}>
        <button
          class="button"
          type="button"
          ?disabled=${this._busy !== null || status === 'no_scale'}
          @click=${() => void this._adjust('tare')}
        >
          ${msg('Tare')} <kbd>T</kbd>
        </button>
        <button
          class="button"
          type="button"
          ?disabled=${this._busy !== null || status === 'no_scale'}
          @click=${() => void this._adjust('zero')}
        >
          ${msg('Zero')} <kbd>Z</kbd>
        </button>
        <button class="button" type="button" aria-expanded=${this._typing} @click=${this._startTyping}>
          ${msg('Type the weight')} <kbd>K</kbd>
        </button>
      </div>
      ${this._typing ? this._renderTyped() : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="actions">
        <button class="button" type="button" @click=${this._close}>${msg('Cancel')} <kbd>Esc</kbd></button>
        <button
          class="button primary accept"
          type="button"
          ?disabled=${grams === null}
          @click=${this._acceptScale}
        >
          ${grams === null ? msg('Add to cart') : msg(str`Add ${formatWeight(grams, this._locale)}`)}
          <kbd>Enter</kbd>
        </button>
      </div>
    </dialog>`;
  }

  private _renderTyped() {
    const allowed = this.permissions.includes('sale.manual_weight');
    return html`<form class="typed" @submit=${this._acceptTyped}>
        <div class="field">
          <label for="typed-weight">${msg('Weight in kg')}</label>
          <input id="typed-weight" inputmode="decimal" autocomplete="off" enterkeyhint="done" />
        </div>
        <button class="button" type="submit">${msg('Add typed weight')}</button>
      </form>
      <p class="hint">
        ${
          allowed
            ? msg('A typed weight is recorded as keyed in, not weighed.')
            : msg('A typed weight needs a supervisor’s approval.')
        }
      </p>`;
  }

  private _watch(target: EventTarget | null): void {
    this._watched?.removeEventListener('weight', this._onWeight);
    target?.addEventListener('weight', this._onWeight);
    this._watched = target;
  }

  private _onWeight = (event: Event): void => {
    if (!(event instanceof CustomEvent)) return;
    this._scale = liveReading(this._scale, event.detail as ScaleReading);
  };

  private _api() {
    const connection = this._connection;
    const tillId = connection?.till?.tillId;
    if (!connection || tillId === undefined) return null;
    return { api: connection.api, tillId };
  }

  /** One read through the hub: the weight now, even when the scale has nothing new to report. */
  private async _read(): Promise<void> {
    const hub = this._api();
    if (!hub) return;
    const ticket = readTicket(this._scale);
    try {
      const weight = await readStableWeight(hub.api, hub.tillId);
      this._scale = readAnswered(this._scale, ticket, weight);
    } catch (error) {
      if (error instanceof HubApiError) {
        const reason = typeof error.details.reason === 'string' ? error.details.reason : '';
        this._scale = readFailed(this._scale, ticket, error.code, reason);
      } else {
        this._scale = readFailed(this._scale, ticket, 'UNREACHABLE', 'UNREACHABLE');
      }
    }
  }

  private async _adjust(action: 'tare' | 'zero'): Promise<void> {
    const hub = this._api();
    if (!hub || this._busy !== null) return;
    this._busy = action;
    this._error = null;
    try {
      const result = await adjustScale(hub.api, hub.tillId, action);
      this._scale = adjusted(this._scale, result.tareGrams, result.grams);
    } catch (error) {
      this._error = adjustErrorText(error);
    } finally {
      this._busy = null;
    }
  }

  private _startTyping = (): void => {
    this._typing = true;
    void this.updateComplete.then(() => this._typedInput?.focus());
  };

  private _acceptScale = (): void => {
    const grams = acceptableGrams(this._scale);
    if (grams === null) return;
    this._finish(grams, 'scale');
  };

  private _acceptTyped = (event: Event): void => {
    event.preventDefault();
    const grams = parseTypedWeight(this._typedInput?.value ?? '');
    if (grams === null) {
      this._error = msg('Type the weight in kilograms, for example 0.455 (at most 1000 kg).');
      this._typedInput?.focus();
      return;
    }
    this._finish(grams, 'manual');
  };

  private _finish(grams: number, source: 'scale' | 'manual'): void {
    this._dialog?.close();
    emit(this, 'weigh-accept', { product: this.product, grams, source });
  }

  private _onKey = (event: KeyboardEvent): void => {
    // The dialog owns the keyboard while it is open: nothing reaches the selling screen's shortcuts.
    event.stopPropagation();
    const inField = event.composedPath()[0] instanceof HTMLInputElement;
    if (inField || event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (event.key === 'Enter' && !(event.composedPath()[0] instanceof HTMLButtonElement)) {
      event.preventDefault();
      this._acceptScale();
    } else if (key === 't') {
      event.preventDefault();
      void this._adjust('tare');
    } else if (key === 'z') {
      event.preventDefault();
      void this._adjust('zero');
    } else if (key === 'k') {
      event.preventDefault();
      this._startTyping();
    }
  };

  private _onCancel = (event: Event): void => {
    event.preventDefault();
    this._close();
  };

  private _close = (): void => {
    this._dialog?.close();
    emit(this, 'weigh-closed', {});
  };
}

function statusText(status: WeighStatus): string {
  switch (status) {
    case 'waiting':
      return msg('Reading the scale…');
    case 'ready':
      return msg('Stable');
    case 'moving':
      return msg('Moving: wait for the scale to settle.');
    case 'empty':
      return msg('Put the item on the scale.');
    case 'over_capacity':
      return msg('Over capacity: take something off the scale.');
    case 'under_zero':
      return msg('Below zero: empty the scale and zero it.');
    case 'scale_error':
      return msg('The scale reports a fault.');
    case 'no_scale':
      return msg('No scale is assigned to this till. Type the weight instead.');
    case 'no_answer':
      return msg('The scale does not answer. Check that it is on and connected.');
  }
}

function adjustErrorText(error: unknown): string {
  if (error instanceof HubApiError) {
    if (error.code === 'WEIGHT_UNSTABLE')
      return msg('The scale is moving: wait for it to settle, then try again.');
    if (error.code === 'SCALE_REFUSED') return msg('The scale refused. Check the load and try again.');
  }
  return errorText(error);
}

declare global {
  interface HTMLElementTagNameMap {
    'weigh-dialog': WeighDialog;
  }
}
