import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { receiptLink } from '../../shared/api/receipt-link.js';
import {
  currentTill,
  health,
  pinLogout,
  storeSettings,
  type StoreSettingsView,
} from '../../shared/api/till-endpoints.js';
import { addPayment, completeSale } from '../../shared/api/sales-endpoints.js';
import '../../shared/components/offline-banner.js';
import { ConnectionWatcher, hubConnectionContext } from '../../shared/connection/context.js';
import { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { setStoreFormat } from '../../shared/format/store-format.js';
import { pickLocale, type UiLocale } from '../../shared/i18n/locales.js';
import { applyLocale } from '../../shared/i18n/localization.js';
import { connectHubMqtt, mqttUrlFor, type HubMqtt, type MqttStatus } from '../../shared/mqtt/hub-mqtt.js';
import { tillTopics } from '../../shared/mqtt/topics.js';
import { TillStorage } from '../../shared/storage/till-storage.js';
import { decodeCardProgress } from '../selling/pay/card-progress.js';
import { baseStyles } from '../../shared/styles/theme.js';
import { windowTimers } from '../../shared/timers.js';
import { CatalogCache } from '../catalog/catalog-cache.js';
import { catalogCacheContext } from '../catalog/context.js';
import '../login/login-screen.js';
import { CompletionQueue } from '../offline/completion-queue.js';
import { completionQueueContext } from '../offline/context.js';
import '../pairing/pairing-screen.js';
import '../cash/cash-screen.js';
import '../returns/returns-screen.js';
import { CartPublisher } from '../selling/cart-publisher.js';
import '../selling/selling-screen.js';
import { weightEvent } from '../selling/weigh/weigh-state.js';
import '../display/display-dialog.js';
import '../timeclock/time-clock-dialog.js';
import { errorText } from './error-text.js';
import { DEFAULT_IDLE_LOCK_MINUTES, IdleLock } from './idle-lock.js';
import './mode-switch.js';
import { TILL_MODES, tillModeFor, type TillMode } from './till-modes.js';
import './top-bar.js';
import { clockState, type ClockStatus } from '../../shared/api/time-clock-endpoints.js';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The till's root: provides the hub connection to every screen and decides which one shows (pairing,
 * login, selling) from the connection's state. Screens report back with the typed events in
 * shared/events.ts; this element owns the side effects (storage, MQTT, idle lock, language).
 */
@customElement('till-app')
@localized()
export class TillApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto auto 1fr;
        min-height: 100dvh;
        background: var(--page);
      }
      main {
        min-width: 0;
      }
    `,
  ];

  @provide({ context: hubConnectionContext })
  private _connection = new HubConnection(new TillStorage(window.localStorage));

  /** The local catalog: scans and searches answer from it, the hub's feed keeps it current. */
  @provide({ context: catalogCacheContext })
  private _catalog = new CatalogCache(this._connection.api);

  /** Cash sales taken while the hub was away, completed once it answers (same sale and payment ids). */
  @provide({ context: completionQueueContext })
  private _completions = new CompletionQueue(
    window.localStorage,
    {
      pay: (saleId, payment) => addPayment(this._connection.api, saleId, payment),
      complete: (saleId) => completeSale(this._connection.api, saleId),
    },
    {
      now: () => Date.now(),
      ...windowTimers,
      describe: (error) => errorText(error),
    },
  );

  @state() private _locale: UiLocale = 'en';
  @state() private _store: StoreSettingsView | null = null;
  @state() private _live: MqttStatus = 'connecting';
  @state() private _idleLockedStaff: string | null = null;
  @state() private _mode: TillMode = 'sell';
  @state() private _managingDisplays = false;
  @state() private _clockOpen = false;
  @state() private _clockStatus: ClockStatus | null = null;

  private _mqtt: HubMqtt | null = null;
  /**
   * Till events from the broker, re-dispatched for the screens ('scan': detail is the scanned code;
   * 'weight': detail is the scale's ScaleReading; 'payment': a CardProgress).
   */
  private _tillEvents = new EventTarget();
  /** The hub has accepted this till's token since the page loaded. */
  private _pairingConfirmed = false;
  /** The customer display's feed: the selling screen reports, the live link publishes. */
  private _cartPublisher = new CartPublisher({
    now: () => new Date().toISOString(),
    receiptLink: (saleId) => receiptLink(this._connection.api, saleId),
  });
  private _idle = new IdleLock(DEFAULT_IDLE_LOCK_MINUTES * 60_000, () => this._logout('idle'), {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (id) => {
      window.clearTimeout(id);
    },
  });

  constructor() {
    super();
    // Money shows in the store's format from the first paint, even when the hub is away at start.
    const remembered = this._connection.storage.storeFormat;
    if (remembered) setStoreFormat(remembered);
    new ConnectionWatcher(this, () => this._connection);
    this.addEventListener('till-paired', this._onPaired);
    this.addEventListener('staff-login', this._onLogin);
    this.addEventListener('display-manage', () => {
      this._managingDisplays = true;
    });
    this.addEventListener('time-clock-open', () => {
      this._clockOpen = true;
    });
    this.addEventListener('time-clock-state', (e: AppEvent<'time-clock-state'>) => {
      this._clockStatus = e.detail.status;
    });
    this.addEventListener('staff-logout', (e: AppEvent<'staff-logout'>) => this._logout(e.detail.reason));
    this.addEventListener(
      'locale-pick',
      (e: AppEvent<'locale-pick'>) => void this._setLocale(e.detail.locale, true),
    );
    this.addEventListener('mode-pick', (e: AppEvent<'mode-pick'>) => {
      this._mode = tillModeFor(e.detail.mode) ?? this._mode;
    });
    this._connection.addEventListener('change', this._onConnectionChange);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connection.start();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, this._onActivity, { passive: true });
    void this._setLocale(pickLocale(this._connection.storage.locale, navigator.languages), false);
    void this._catalog.open();
    if (this._connection.till) void this._resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connection.stop();
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, this._onActivity);
    this._idle.disarm();
    this._mqtt?.close();
    this._catalog.stop();
    this._completions.stop();
  }

  override updated(): void {
    document.title = msg('Till');
  }

  override render() {
    const connection = this._connection;
    const till = connection.till;
    const staff = connection.staff;
    return html`<offline-banner></offline-banner>
      <top-bar
        .storeName=${this._store?.name ?? ''}
        .tillName=${till?.name ?? ''}
        .staffName=${staff?.staff.name ?? null}
        .locale=${this._locale}
        .clockStatus=${this._clockStatus}
      ></top-bar>
      <mode-switch .modes=${staff === null ? [] : TILL_MODES} .current=${this._mode}></mode-switch>
      <main id="main" aria-label=${msg('Till')}>
        ${
          till === null
            ? html`<pairing-screen
                ?revoked=${connection.tillLost}
                .uiLocale=${this._locale}
              ></pairing-screen>`
            : staff === null
              ? html`<login-screen
                  .preselect=${this._idleLockedStaff}
                  ?idleLocked=${this._idleLockedStaff !== null}
                ></login-screen>`
              : this._screen(staff.staff.permissions)
        }
      </main>
      ${
        this._managingDisplays && staff !== null
          ? html`<display-dialog
              .uiLocale=${this._locale}
              @close=${() => {
                this._managingDisplays = false;
              }}
            ></display-dialog>`
          : nothing
      }
      ${
        this._clockOpen && staff !== null
          ? html`<time-clock-dialog
              .uiLocale=${this._locale}
              .timeZone=${this._store?.timeZone}
              @close=${() => {
                this._clockOpen = false;
              }}
            ></time-clock-dialog>`
          : nothing
      }`;
  }

  /** The logged-in cashier's screen for the current mode. */
  private _screen(permissions: readonly string[]) {
    const currency = this._store?.currency ?? 'DKK';
    switch (this._mode) {
      case 'sell':
        return html`<selling-screen
          .currency=${currency}
          .uiLocale=${this._locale}
          .permissions=${permissions}
          .tillEvents=${this._tillEvents}
          .cartPublisher=${this._cartPublisher}
        ></selling-screen>`;
      case 'returns':
        return html`<returns-screen
          .currency=${currency}
          .uiLocale=${this._locale}
          .permissions=${permissions}
          .tillEvents=${this._tillEvents}
        ></returns-screen>`;
      case 'cash':
        return html`<cash-screen
          .currency=${currency}
          .uiLocale=${this._locale}
          .timeZone=${this._store?.timeZone}
        ></cash-screen>`;
    }
  }

  /** A till that was paired before: check its token still works, then start the live link. */
  private async _resume(): Promise<void> {
    await this._confirmPairing();
    if (this._connection.till) await this._startPaired();
  }

  /**
   * Asks the hub whether this till's token still works. A revoked token clears itself
   * (HubConnection.onError); when the hub does not answer, the question stays open and is asked again
   * as soon as the hub is back, so a till started during an outage still learns it was revoked.
   */
  private async _confirmPairing(): Promise<void> {
    try {
      await currentTill(this._connection.api);
      this._pairingConfirmed = true;
    } catch {
      // Unreachable: carry on with what the till knows; the banner shows.
    }
  }

  /** Back online with a pairing the hub never confirmed since the page loaded: confirm it now. */
  private async _reconfirmPairing(): Promise<void> {
    await this._confirmPairing();
    if (this._connection.till && this._store === null) await this._startPaired();
  }

  private async _startPaired(): Promise<void> {
    const till = this._connection.till;
    if (!till) return;
    try {
      const [settings, hub] = await Promise.all([
        storeSettings(this._connection.api),
        health(this._connection.api),
      ]);
      const format = {
        locale: settings.locale,
        currency: settings.currency,
        cashStepMinor: settings.cashRoundingMinor,
      };
      if (setStoreFormat(format)) this._connection.storage.storeFormat = format;
      this._store = settings;
      // Start filling the cache now; nothing waits for it (scans and searches fall back to the hub).
      this._catalog.follow(hub.storeId);
      await this._connectLive(hub.storeId, till.tillId, till.token);
    } catch {
      // Unreachable or refused: the banner or the pairing screen says so; the next pairing retries.
    }
  }

  private async _connectLive(storeId: string, tillId: string, token: string): Promise<void> {
    this._mqtt?.close();
    this._mqtt = null;
    this._cartPublisher.attach(null);
    const live = await connectHubMqtt({
      url: mqttUrlFor(window.location),
      identity: { kind: 'till', tillId, token, clientName: 'till' },
      onStatus: (status) => {
        this._live = status;
        // Back after a break: catalog.changed events sent meanwhile were missed, so read the feed.
        if (status === 'online') this._catalog.changed();
      },
    });
    // Unpaired while mqtt.js was loading: drop the link at once.
    if (this._connection.till?.tillId !== tillId) {
      live.close();
      return;
    }
    this._mqtt = live;
    const cartTopic = tillTopics.cart(storeId, tillId);
    this._cartPublisher.attach((snapshot) => {
      live.publish(cartTopic, snapshot, { retain: true });
    });
    live.onConnect(() => {
      this._cartPublisher.resend();
    });
    // Scans from the till's serial scanner go the same way as a keyboard-wedge scan; weights from its
    // scale feed the weigh dialog.
    live.subscribe(tillTopics.events(storeId, tillId), (payload) => {
      const scan = scannedCode(payload);
      if (scan !== null) this._tillEvents.dispatchEvent(new CustomEvent('scan', { detail: scan }));
      const weight = weightEvent(payload);
      if (weight !== null) this._tillEvents.dispatchEvent(new CustomEvent('weight', { detail: weight }));
      // Card payment progress from the till's terminal, for the pay screen.
      const progress = decodeCardProgress(payload);
      if (progress !== null) this._tillEvents.dispatchEvent(new CustomEvent('payment', { detail: progress }));
    });
    // A price or product changed at the hub: the cache pulls the changed page from the feed.
    live.subscribe(tillTopics.domainEvent(storeId, 'catalog.changed'), () => {
      this._catalog.changed();
    });
  }

  private _onPaired = (event: AppEvent<'till-paired'>): void => {
    this._pairingConfirmed = true;
    this._connection.setTill(event.detail);
    void this._startPaired();
  };

  private _onLogin = (event: AppEvent<'staff-login'>): void => {
    this._idleLockedStaff = null;
    this._connection.setStaff(event.detail);
    this._idle.arm();
    // Completing a queued sale needs a cashier's session: send what waits now that there is one.
    this._completions.retryNow();
    void this._loadClock();
  };

  /** The top bar's time clock state for the cashier who just logged in; unknown if the hub is away. */
  private async _loadClock(): Promise<void> {
    this._clockStatus = null;
    try {
      this._clockStatus = (await clockState(this._connection.api)).status;
    } catch {
      // The button then just says "Time clock"; the dialog asks again when opened.
    }
  }

  private _logout(reason: 'logout' | 'switch' | 'idle'): void {
    const staff = this._connection.staff;
    if (!staff) return;
    this._idle.disarm();
    // Best effort: if the hub is away the session expires there by itself; the till forgets it now.
    pinLogout(this._connection.api).catch(() => undefined);
    this._connection.setStaff(null);
    this._mode = 'sell';
    this._clockOpen = false;
    this._clockStatus = null;
    this._idleLockedStaff = reason === 'idle' ? staff.staff.id : null;
  }

  /** `remember`: a cashier's explicit pick is kept for this till; the automatic first choice is not. */
  private async _setLocale(locale: UiLocale, remember: boolean): Promise<void> {
    if (remember) this._connection.storage.rememberLocale(locale);
    await applyLocale(locale);
    this._locale = locale;
  }

  private _onActivity = (): void => {
    this._idle.activity();
  };

  private _onConnectionChange = (event: Event): void => {
    if (!(event instanceof CustomEvent)) return;
    // The cashier's session ended on the hub (expired): nothing left for the idle lock to guard.
    if (event.detail === 'staff' && this._connection.staff === null) this._idle.disarm();
    if (event.detail === 'reachability' && this._connection.online) {
      if (this._connection.till && !this._pairingConfirmed) void this._reconfirmPairing();
      this._catalog.changed();
      this._completions.retryNow();
    }
    if (event.detail !== 'till') return;
    if (this._connection.till === null) {
      // Unpaired (revoked): the live link's credentials are gone too.
      this._cartPublisher.attach(null);
      this._mqtt?.close();
      this._mqtt = null;
      this._idle.disarm();
    }
  };
}

/** The code of a {type:'scan', data} till event, or null for any other event. */
function scannedCode(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, data } = payload as Record<string, unknown>;
  return type === 'scan' && typeof data === 'string' && data.trim() !== '' ? data.trim() : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'till-app': TillApp;
  }
}
