import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pointsOf, type PointsBalance } from '../../shared/api/loyalty-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { formatInteger } from '../../shared/format/numbers.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';

/**
 * The attached customer's loyalty points and what they pay for, read from the hub when the customer
 * changes (and again after a sale, when `refresh` moves). Shows nothing while the store runs no programme
 * or the hub cannot be asked: points are a help to the cashier, never a reason to stop selling.
 */
@customElement('customer-points')
@localized()
export class CustomerPoints extends LitElement {
  @property() customerId: string | null = null;
  /** Anything that changes when the balance may have (the sale's version). */
  @property({ type: Number }) refresh = 0;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _points: PointsBalance | null = null;
  #abort: AbortController | null = null;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('customerId') || changed.has('refresh')) void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  private async _load(): Promise<void> {
    this.#abort?.abort();
    const api = this._connection?.api;
    if (this.customerId === null || !api) {
      this._points = null;
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const points = await pointsOf(api, this.customerId, abort.signal);
      if (!abort.signal.aborted) this._points = points;
    } catch {
      if (!abort.signal.aborted) this._points = null;
    }
  }

  override render() {
    const p = this._points;
    if (p === null || !p.enabled) return nothing;
    const points = formatInteger(p.balancePoints, storeFormat().locale);
    return html`·
      <span data-customer-points>${msg(str`${points} points (${storeMoney(p.balanceValueMinor)})`)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-points': CustomerPoints;
  }
}
