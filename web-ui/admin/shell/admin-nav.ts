import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../shared/styles/theme.js';
import { adminSessionContext, type AdminSession } from './admin-session.js';
import { groupName } from './group-name.js';
import { adminHref, menu, type AdminRoute } from './router.js';

/** The menu: each group's pages this manager may open; the current page is marked for screen readers. */
@customElement('admin-nav')
@localized()
export class AdminNav extends LitElement {
  static override styles = [
    baseStyles,
    css`
      nav {
        display: grid;
        gap: 1rem;
        padding: 1rem 0.75rem;
      }
      h2 {
        margin: 0 0.5rem 0.25rem;
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--ink-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
      }
      a {
        display: flex;
        align-items: center;
        min-height: 40px;
        padding: 0 0.75rem;
        border-radius: var(--radius);
        color: var(--ink);
        text-decoration: none;
      }
      a:hover {
        background: var(--surface-hover);
      }
      a[aria-current='page'] {
        background: var(--accent-soft);
        color: var(--accent-strong);
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) routes: readonly AdminRoute[] = [];
  @property({ attribute: false }) current: AdminRoute | null = null;

  @consume({ context: adminSessionContext, subscribe: true })
  private _session?: AdminSession;

  override render() {
    const may = (permission: string | null) => this._session?.may(permission) ?? false;
    return html`<nav aria-label=${msg('Admin pages')}>
      ${menu(this.routes, may).map(
        ({ group, routes }) =>
          html`<section>
            <h2>${groupName(group)}</h2>
            <ul>
              ${routes.map(
                (route) =>
                  html`<li>
                    <a href=${adminHref(route.path)} aria-current=${this._isCurrent(route) ? 'page' : 'false'}
                      >${route.title()}</a
                    >
                  </li>`,
              )}
            </ul>
          </section>`,
      )}
    </nav>`;
  }

  /** A page reached from a listed one (a product from the products) marks its group's list entry. */
  private _isCurrent(route: AdminRoute): boolean {
    const current = this.current;
    if (current === null) return false;
    if (current === route) return true;
    return current.navOrder === undefined && current.path.startsWith(`${route.path}/`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-nav': AdminNav;
  }
}
