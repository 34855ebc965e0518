import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HubApiClient } from '../shared/api/client.js';
import { displayMe, type DisplayMe } from '../shared/api/display-endpoints.js';
import { HubApiError } from '../shared/api/errors.js';
import { parseCartSnapshot, type CartSnapshot } from '../shared/display/cart-snapshot.js';
import { matchLocale, pickLocale } from '../shared/i18n/locales.js';
import { applyLocale } from '../shared/i18n/localization.js';
import { connectHubMqtt, mqttUrlFor, type HubMqtt, type MqttStatus } from '../shared/mqtt/hub-mqtt.js';
import { DisplayStorage } from '../shared/storage/display-storage.js';
import { baseStyles } from '../shared/styles/theme.js';
import './customer-screen.js';
import './display-pairing.js';
import { RETRY_MS, shownState } from './screen-state.js';

type Phase = { kind: 'pairing'; revoked: boolean } | { kind: 'starting' } | { kind: 'live'; me: DisplayMe };

/**
 * Root of /display. Unpaired: the pairing code screen (in the browser's language). Paired: it asks the
 * hub who it is (its till, the store), switches to the store's language (the customer's side of the
 * counter speaks the store's language, whatever the cashier picked), and mirrors the till's retained
 * cart snapshot from the broker, with the only credential that may read it. Reconnects by itself; a
 * revoked display goes back to pairing.
 */
@customElement('display-app')
@localized()
export class DisplayApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        height: 100dvh;
        overflow: hidden;
        background: var(--page);
      }
      .offline {
        position: fixed;
        inset: auto 0 0 0;
        padding: 0.4rem 1rem;
        background: var(--warning-bg);
        color: var(--warning-ink);
        text-align: center;
        font-weight: 600;
      }
    `,
  ];

  @state() private _phase: Phase = { kind: 'starting' };
  @state() private _snapshot: CartSnapshot | null = null;
  @state() private _receivedAt = 0;
  @state() private _now = Date.now();
  @state() private _link: MqttStatus = 'connecting';

  private readonly _storage = new DisplayStorage(window.localStorage);
  private readonly _api = new HubApiClient({ credentials: () => ({ tillToken: null, staffToken: null }) });
  private _mqtt: HubMqtt | null = null;
  private _timer: number | undefined;
  private _clock: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('display-paired', () => void this._start());
    // The thank-you times out by itself: the clock ticks while it shows.
    this._clock = window.setInterval(() => {
      if (this._snapshot?.state === 'done') this._now = Date.now();
    }, 1_000);
    void this._start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this._timer);
    window.clearInterval(this._clock);
    this._mqtt?.close();
  }

  override updated(): void {
    document.title = msg('Customer display');
  }

  override render() {
    const phase = this._phase;
    switch (phase.kind) {
      case 'pairing':
        return html`<display-pairing
          .api=${this._api}
          .storage=${this._storage}
          ?revoked=${phase.revoked}
        ></display-pairing>`;
      case 'starting':
        return nothing;
      case 'live':
        return html`<customer-screen
            .snapshot=${this._snapshot}
            .state=${shownState(this._snapshot, this._receivedAt, this._now)}
            .storeName=${phase.me.store.name}
            .storeLocale=${phase.me.store.locale}
          ></customer-screen>
          ${
            this._link === 'offline'
              ? html`<p class="offline" role="status">
                  ${msg('Connection to the till lost. Reconnecting…')}
                </p>`
              : nothing
          }`;
    }
  }

  private async _start(): Promise<void> {
    window.clearTimeout(this._timer);
    const credentials = this._storage.credentials;
    if (credentials === null) {
      await this._unpaired(false);
      return;
    }
    let me: DisplayMe;
    try {
      me = await displayMe(this._api, credentials.token);
    } catch (error) {
      if (error instanceof HubApiError && error.status === 401) {
        this._storage.credentials = null;
        await this._unpaired(true);
        return;
      }
      // The hub is away (restarting, Wi-Fi): keep trying; a paired display must come back by itself.
      this._timer = window.setTimeout(() => void this._start(), RETRY_MS);
      return;
    }
    await applyLocale(matchLocale(me.store.locale) ?? 'en');
    this._phase = { kind: 'live', me };
    await this._follow(me, credentials.token);
  }

  private async _unpaired(revoked: boolean): Promise<void> {
    this._mqtt?.close();
    this._mqtt = null;
    this._snapshot = null;
    await applyLocale(pickLocale(null, navigator.languages));
    this._phase = { kind: 'pairing', revoked };
  }

  private async _follow(me: DisplayMe, token: string): Promise<void> {
    this._mqtt?.close();
    const live = await connectHubMqtt({
      url: mqttUrlFor(window.location),
      identity: { kind: 'display', displayId: me.displayId, token },
      onStatus: (status) => {
        this._link = status;
        // Refused credentials: revoked, or the hub forgot us. Ask over HTTP, which knows which.
        if (status === 'refused') void this._start();
      },
    });
    this._mqtt = live;
    live.subscribe(me.cartTopic, (payload) => {
      const snapshot = parseCartSnapshot(payload);
      if (snapshot === null) return;
      this._snapshot = snapshot;
      this._receivedAt = Date.now();
      this._now = this._receivedAt;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
