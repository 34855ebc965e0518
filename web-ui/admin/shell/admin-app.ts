import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeSettings } from '../../shared/api/till-endpoints.js';
import '../../shared/components/language-picker.js';
import type { AppEvent } from '../../shared/events.js';
import { setStoreFormat } from '../../shared/format/store-format.js';
import { pickLocale, type UiLocale } from '../../shared/i18n/locales.js';
import { TillStorage } from '../../shared/storage/till-storage.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { setStoreTimeZone } from '../components/admin-format.js';
import { applyAdminLocale } from '../i18n/admin-localization.js';
import { adminAppStyles } from './admin-app.styles.js';
import './admin-login.js';
import './admin-nav.js';
import './admin-page-host.js';
import { AdminSession, adminSessionContext } from './admin-session.js';
import { ADMIN_ROUTES } from './all-routes.js';
import { inAppLink, navigate } from './navigation.js';
import { adminPath, matchRoute, type RouteMatch } from './router.js';

/**
 * Root of /admin: the manager's session, the language, and which page shows. Logged out, the login;
 * logged in, the top bar, the menu (a side column on wide screens, a drawer on phones) and the page the
 * address names. Every page is its own element, loaded when first opened.
 */
@customElement('admin-app')
@localized()
export class AdminApp extends LitElement {
  static override styles = [baseStyles, buttonStyles, adminAppStyles];

  @provide({ context: adminSessionContext })
  private _session = new AdminSession();

  @state() private _locale: UiLocale = 'en';
  @state() private _storeName = '';
  @state() private _path = adminPath(location.pathname) ?? '/';
  @state() private _query = new URLSearchParams(location.search);
  @state() private _menuOpen = false;
  @state() private _startError = false;

  private _storage = new TillStorage(window.localStorage);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this._onLocation);
    this.addEventListener('click', this._onClick);
    this._session.addEventListener('change', this._onSession);
    void this._start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this._onLocation);
    this.removeEventListener('click', this._onClick);
    this._session.removeEventListener('change', this._onSession);
  }

  override render() {
    const session = this._session;
    const offline = session.online
      ? nothing
      : html`<div class="offline" role="status">
          <strong>${msg('The hub cannot be reached.')}</strong>
          ${msg('Nothing you change now is saved. The page tries again when you do.')}
        </div>`;
    if (session.state === 'unknown') {
      return html`${offline}
        <p class="starting" role="status">
          ${this._startError ? msg('The hub did not answer. Reload the page to try again.') : msg('Loading…')}
        </p>`;
    }
    if (session.state === 'anonymous') {
      return html`${offline}
        <admin-login .locale=${this._locale} @locale-pick=${this._onLocalePick}></admin-login>`;
    }
    const match = matchRoute(ADMIN_ROUTES, this._path);
    return html`${offline}
      <header class="bar">
        <button
          class="button menu-toggle"
          type="button"
          aria-expanded=${this._menuOpen ? 'true' : 'false'}
          aria-controls="admin-menu"
          @click=${() => (this._menuOpen = !this._menuOpen)}
        >
          ${msg('Menu')}
        </button>
        <div class="where">
          <span class="store">${this._storeName}</span>
          <span class="app">${msg('Store admin')}</span>
        </div>
        <div class="actions">
          <span class="who">${session.staff?.name ?? ''}</span>
          <language-picker .locale=${this._locale} @locale-pick=${this._onLocalePick}></language-picker>
          <button class="button" type="button" @click=${this._logout}>${msg('Log out')}</button>
        </div>
      </header>
      <div class="frame">
        <admin-nav
          id="admin-menu"
          class=${this._menuOpen ? 'open' : ''}
          .routes=${ADMIN_ROUTES}
          .current=${match?.route ?? null}
        ></admin-nav>
        <main>${this._renderPage(match)}</main>
      </div>`;
  }

  private _renderPage(match: RouteMatch | null) {
    if (match === null) {
      return html`<section class="message">
        <h1>${msg('Page not found')}</h1>
        <p>${msg('There is no admin page at this address.')}</p>
        <p><a href="/admin/">${msg('Go to the dashboard')}</a></p>
      </section>`;
    }
    if (!this._session.may(match.route.permission)) {
      return html`<section class="message">
        <h1>${match.route.title()}</h1>
        <p>${msg('Your role does not allow this page. Ask the owner for the permission it needs.')}</p>
      </section>`;
    }
    return html`<admin-page-host .match=${match} .query=${this._query}></admin-page-host>`;
  }

  private async _start(): Promise<void> {
    this._locale = pickLocale(this._storage.locale, navigator.languages);
    await applyAdminLocale(this._locale);
    try {
      await this._session.restore();
    } catch {
      this._startError = true;
    }
  }

  private async _loadStore(): Promise<void> {
    try {
      const store = await storeSettings(this._session.api);
      setStoreFormat({ locale: store.locale, currency: store.currency });
      setStoreTimeZone(store.timeZone);
      this._storeName = store.name;
      document.title = `${store.name} · ${msg('Store admin')}`;
      this.requestUpdate();
    } catch {
      // The pages say what failed; the bar shows no store name meanwhile.
    }
  }

  private _onSession = (): void => {
    if (this._session.state === 'admin' && this._storeName === '') void this._loadStore();
    this.requestUpdate();
  };

  private _onLocation = (): void => {
    this._path = adminPath(location.pathname) ?? '/';
    this._query = new URLSearchParams(location.search);
    this._menuOpen = false;
  };

  private _onClick = (event: MouseEvent): void => {
    const href = inAppLink(event);
    if (href === null) return;
    event.preventDefault();
    navigate(href);
  };

  private _onLocalePick = async (event: AppEvent<'locale-pick'>): Promise<void> => {
    this._locale = event.detail.locale;
    this._storage.rememberLocale(this._locale);
    await applyAdminLocale(this._locale);
  };

  private _logout = async (): Promise<void> => {
    try {
      await this._session.logout();
    } catch {
      // The session is forgotten here either way; the hub ends it when it times out.
    }
    this._storeName = '';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-app': AdminApp;
  }
}
