import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HubApiError, retryAfterSeconds } from '../../shared/api/errors.js';
import '../../shared/components/language-picker.js';
import type { UiLocale } from '../../shared/i18n/locales.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { adminSessionContext, type AdminSession } from './admin-session.js';

/** Why a login failed, in the manager's language. */
function loginErrorText(error: unknown): string {
  const wait = retryAfterSeconds(error);
  if (wait !== null) {
    return msg('Too many wrong passwords. Wait a few minutes, then try again.');
  }
  if (error instanceof HubApiError && (error.status === 401 || error.status === 400)) {
    return msg('The login or the password is wrong.');
  }
  if (error instanceof HubApiError && error.status === 403) {
    return msg('This account may not use the admin pages.');
  }
  return msg('The hub did not answer. Check the network and try again.');
}

/** The admin pages' login: login name and password; the hub sets an HttpOnly session cookie. */
@customElement('admin-login')
@localized()
export class AdminLogin extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100dvh;
        padding: 1rem;
      }
      form {
        display: grid;
        gap: 1rem;
        width: min(24rem, 100%);
        padding: 1.5rem;
        background: var(--surface);
        border-radius: var(--radius);
        box-shadow: var(--shadow);
      }
      h1 {
        margin: 0;
        font-size: 1.4rem;
      }
      .error {
        margin: 0;
        padding: 0.75rem;
        border-radius: var(--radius);
        background: var(--danger-bg);
        color: var(--danger);
        font-weight: 600;
      }
      .top {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        flex-wrap: wrap;
      }
    `,
  ];

  @property() locale: UiLocale = 'en';

  @consume({ context: adminSessionContext })
  private _session?: AdminSession;

  @state() private _error: string | null = null;
  @state() private _busy = false;

  override render() {
    return html`<form @submit=${this._submit} aria-labelledby="login-heading">
      <div class="top">
        <h1 id="login-heading">${msg('Store admin')}</h1>
        <language-picker .locale=${this.locale}></language-picker>
      </div>
      <label class="field">
        <span>${msg('Login')}</span>
        <input name="login" autocomplete="username" required maxlength="100" />
      </label>
      <label class="field">
        <span>${msg('Password')}</span>
        <input name="password" type="password" autocomplete="current-password" required maxlength="256" />
      </label>
      ${this._error === null ? nothing : html`<p class="error" role="alert">${this._error}</p>`}
      <button class="button primary" type="submit" ?disabled=${this._busy}>${msg('Log in')}</button>
    </form>`;
  }

  private _submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const login = formText(form, 'login');
    const password = formText(form, 'password', true);
    if (!this._session || login === '' || password === '') return;
    this._busy = true;
    this._error = null;
    try {
      await this._session.login(login, password);
    } catch (error) {
      this._error = loginErrorText(error);
      form.querySelector<HTMLInputElement>('input[name="password"]')?.select();
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-login': AdminLogin;
  }
}
