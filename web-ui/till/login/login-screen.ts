import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { retryAfterSeconds } from '../../shared/api/errors.js';
import { loginStaff, pinLogin, type LoginStaff } from '../../shared/api/till-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { formatCountdown } from '../../shared/format/numbers.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import { loginStyles } from './login-screen.styles.js';
import './staff-tiles.js';
import {
  canSubmitPin,
  lockedUntil,
  MIN_PIN_LENGTH,
  pinKeyFromKeyboard,
  pressPinKey,
  secondsLeft,
  type PinKey,
} from './pin-entry.js';
import './pin-pad.js';

/**
 * Who is selling: the staff allowed at this till as tiles, then their PIN on the pad or the keyboard.
 * A lock-out (423) disables the pad and counts down to the time the hub gave.
 */
@customElement('login-screen')
@localized()
export class LoginScreen extends LitElement {
  static override styles = [baseStyles, buttonStyles, loginStyles];

  /** Staff to select first: the cashier whose session was locked for idleness. */
  @property() preselect: string | null = null;
  @property({ type: Boolean }) idleLocked = false;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _staff: LoginStaff[] | null = null;
  @state() private _loadError: unknown = null;
  @state() private _selected: string | null = null;
  @state() private _pin = '';
  @state() private _busy = false;
  @state() private _error: unknown = null;
  @state() private _lockedUntil = 0;
  @state() private _now = Date.now();
  private _tick: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._selected = this.preselect;
    window.addEventListener('keydown', this._onKeyDown);
    this._connection?.addEventListener('change', this._onConnectionChange);
    void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown);
    this._connection?.removeEventListener('change', this._onConnectionChange);
    window.clearInterval(this._tick);
  }

  override render() {
    return html`<div class="layout">
      <section aria-labelledby="who">
        <h1 id="who">${msg('Who is selling?')}</h1>
        ${
          this.idleLocked
            ? html`<p class="notice" role="status">
                ${msg('The till locked itself after a while without use.')}
              </p>`
            : nothing
        }
        ${this._renderTiles()}
      </section>
      ${this._renderPin()}
    </div>`;
  }

  private _renderTiles() {
    if (this._loadError !== null) {
      return html`<p class="error" role="alert">${errorText(this._loadError)}</p>
        <button class="button" type="button" @click=${() => void this._load()}>${msg('Try again')}</button>`;
    }
    if (this._staff === null) return html`<p class="hint" role="status">${msg('Loading staff…')}</p>`;
    if (this._staff.length === 0) {
      return html`<p class="hint">${msg('No staff may log in at this till. A manager can add staff.')}</p>`;
    }
    return html`<staff-tiles
      .staff=${this._staff}
      .selected=${this._selected}
      label=${msg('Who is selling?')}
      .onPick=${(id: string) => {
        this._select(id);
      }}
    ></staff-tiles>`;
  }

  private _renderPin() {
    const person = this._staff?.find((s) => s.id === this._selected);
    if (!person) {
      return html`<section class="pin" aria-live="polite">
        <p class="hint">${msg('Tap your name to log in.')}</p>
      </section>`;
    }
    const wait = secondsLeft(this._lockedUntil, this._now);
    const locked = wait > 0;
    return html`<section class="pin" aria-labelledby="pin-title">
      <h2 id="pin-title">${msg(str`PIN for ${person.name}`)}</h2>
      <div class="dots" role="img" aria-label=${msg(str`${this._pin.length} digits entered`)}>
        ${Array.from(
          // Four empty places to start with (the usual PIN length), growing as digits are typed.
          { length: Math.max(MIN_PIN_LENGTH, this._pin.length) },
          (_, i) => html`<span class="dot ${i < this._pin.length ? 'filled' : ''}"></span>`,
        )}
      </div>
      ${
        locked
          ? html`<p class="locked" role="alert">
              ${msg(str`Too many wrong PINs. Try again in ${formatCountdown(wait)}.`)}
            </p>`
          : this._error !== null
            ? html`<p class="error" role="alert">${errorText(this._error)}</p>`
            : html`<p class="hint">${msg('Type the PIN on the keys or the keyboard, then OK.')}</p>`
      }
      <pin-pad ?disabled=${locked || this._busy} .onKey=${this._press}></pin-pad>
      <button
        class="button primary"
        type="button"
        ?disabled=${locked || this._busy || !canSubmitPin(this._pin)}
        @click=${() => void this._submit()}
      >
        ${msg('OK')}
      </button>
    </section>`;
  }

  private _select(id: string): void {
    this._selected = id;
    this._pin = '';
    this._error = null;
    this._lockedUntil = 0;
  }

  private _press = (key: PinKey): void => {
    this._pin = pressPinKey(this._pin, key);
    this._error = null;
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    // Typing in another field (the language list) is not a PIN.
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
    // While a PIN is being checked, keys would be lost when the field clears: ignore them.
    if (this._selected === null || this._busy || secondsLeft(this._lockedUntil, Date.now()) > 0) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void this._submit();
      return;
    }
    const key = pinKeyFromKeyboard(event.key);
    if (key) {
      event.preventDefault();
      this._press(key);
    }
  };

  /** The hub is back: a staff list that failed to load is fetched again without a tap. */
  private _onConnectionChange = (): void => {
    if (this._connection?.online === true && this._loadError !== null) void this._load();
  };

  private async _load(): Promise<void> {
    const connection = this._connection;
    if (!connection) return;
    this._loadError = null;
    try {
      this._staff = await loginStaff(connection.api);
      if (this._staff.length === 1 && this._selected === null) this._selected = this._staff[0]?.id ?? null;
    } catch (error) {
      this._loadError = error;
    }
  }

  private async _submit(): Promise<void> {
    const connection = this._connection;
    const staffId = this._selected;
    if (!connection || staffId === null || this._busy || !canSubmitPin(this._pin)) return;
    this._busy = true;
    try {
      const session = await pinLogin(connection.api, staffId, this._pin);
      emit(this, 'staff-login', session);
    } catch (error) {
      this._pin = '';
      this._error = error;
      const seconds = retryAfterSeconds(error);
      if (seconds !== null) this._startLockout(seconds);
    } finally {
      this._busy = false;
    }
  }

  private _startLockout(seconds: number): void {
    this._lockedUntil = lockedUntil(Date.now(), seconds);
    this._now = Date.now();
    window.clearInterval(this._tick);
    this._tick = window.setInterval(() => {
      this._now = Date.now();
      if (secondsLeft(this._lockedUntil, this._now) === 0) window.clearInterval(this._tick);
    }, 1000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'login-screen': LoginScreen;
  }
}
