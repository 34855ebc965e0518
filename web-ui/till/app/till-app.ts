import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  currentTill,
  health,
  pinLogout,
  storeSettings,
  type StoreSettingsView,
} from '../../shared/api/till-endpoints.js';
import '../../shared/components/offline-banner.js';
import { ConnectionWatcher, hubConnectionContext } from '../../shared/connection/context.js';
import { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { pickLocale, type UiLocale } from '../../shared/i18n/locales.js';
import { applyLocale } from '../../shared/i18n/localization.js';
import { connectHubMqtt, mqttUrlFor, type HubMqtt, type MqttStatus } from '../../shared/mqtt/hub-mqtt.js';
import { tillTopics } from '../../shared/mqtt/topics.js';
import { TillStorage } from '../../shared/storage/till-storage.js';
import { baseStyles } from '../../shared/styles/theme.js';
import '../login/login-screen.js';
import '../pairing/pairing-screen.js';
import '../selling/selling-screen.js';
import { DEFAULT_IDLE_LOCK_MINUTES, IdleLock } from './idle-lock.js';
import './top-bar.js';

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
        grid-template-rows: auto auto 1fr;
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

  @state() private _locale: UiLocale = 'en';
  @state() private _store: StoreSettingsView | null = null;
  @state() private _live: MqttStatus = 'connecting';
  @state() private _idleLockedStaff: string | null = null;

  private _mqtt: HubMqtt | null = null;
  /** Till events from the broker, re-dispatched for the screens ('scan': detail is the scanned code). */
  private _tillEvents = new EventTarget();
  private _idle = new IdleLock(DEFAULT_IDLE_LOCK_MINUTES * 60_000, () => this._logout('idle'), {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (id) => {
      window.clearTimeout(id);
    },
  });

  constructor() {
    super();
    new ConnectionWatcher(this, () => this._connection);
    this.addEventListener('till-paired', this._onPaired);
    this.addEventListener('staff-login', this._onLogin);
    this.addEventListener('staff-logout', (e: AppEvent<'staff-logout'>) => this._logout(e.detail.reason));
    this.addEventListener(
      'locale-pick',
      (e: AppEvent<'locale-pick'>) => void this._setLocale(e.detail.locale, true),
    );
    this._connection.addEventListener('change', this._onConnectionChange);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connection.start();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, this._onActivity, { passive: true });
    void this._setLocale(pickLocale(this._connection.storage.locale, navigator.languages), false);
    if (this._connection.till) void this._resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connection.stop();
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, this._onActivity);
    this._idle.disarm();
    this._mqtt?.close();
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
      ></top-bar>
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
              : html`<selling-screen
                  .currency=${this._store?.currency ?? 'DKK'}
                  .uiLocale=${this._locale}
                  .permissions=${staff.staff.permissions}
                  .tillEvents=${this._tillEvents}
                ></selling-screen>`
        }
      </main>`;
  }

  /** A till that was paired before: check its token still works, then start the live link. */
  private async _resume(): Promise<void> {
    try {
      await currentTill(this._connection.api);
    } catch {
      // A revoked token clears itself (HubConnection.onError); unreachable: carry on, the banner shows.
    }
    if (this._connection.till) await this._startPaired();
  }

  private async _startPaired(): Promise<void> {
    const till = this._connection.till;
    if (!till) return;
    try {
      const [settings, hub] = await Promise.all([
        storeSettings(this._connection.api),
        health(this._connection.api),
      ]);
      this._store = settings;
      await this._connectLive(hub.storeId, till.tillId, till.token);
    } catch {
      // Unreachable or refused: the banner or the pairing screen says so; the next pairing retries.
    }
  }

  private async _connectLive(storeId: string, tillId: string, token: string): Promise<void> {
    this._mqtt?.close();
    this._mqtt = null;
    const live = await connectHubMqtt({
      url: mqttUrlFor(window.location),
      tillId,
      token,
      clientName: 'till',
      onStatus: (status) => {
        this._live = status;
      },
    });
    // Unpaired while mqtt.js was loading: drop the link at once.
    if (this._connection.till?.tillId !== tillId) {
      live.close();
      return;
    }
    this._mqtt = live;
    // Scans from the till's serial scanner go the same way as a keyboard-wedge scan.
    live.subscribe(tillTopics.events(storeId, tillId), (payload) => {
      const scan = scannedCode(payload);
      if (scan !== null) this._tillEvents.dispatchEvent(new CustomEvent('scan', { detail: scan }));
    });
  }

  private _onPaired = (event: AppEvent<'till-paired'>): void => {
    this._connection.setTill(event.detail);
    void this._startPaired();
  };

  private _onLogin = (event: AppEvent<'staff-login'>): void => {
    this._idleLockedStaff = null;
    this._connection.setStaff(event.detail);
    this._idle.arm();
  };

  private _logout(reason: 'logout' | 'switch' | 'idle'): void {
    const staff = this._connection.staff;
    if (!staff) return;
    this._idle.disarm();
    // Best effort: if the hub is away the session expires there by itself; the till forgets it now.
    pinLogout(this._connection.api).catch(() => undefined);
    this._connection.setStaff(null);
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
    if (event.detail !== 'till') return;
    if (this._connection.till === null) {
      // Unpaired (revoked): the live link's credentials are gone too.
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
