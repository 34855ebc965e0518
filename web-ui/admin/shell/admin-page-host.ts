import { localized, msg } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { baseStyles } from '../../shared/styles/theme.js';
import type { RouteMatch } from './router.js';

/**
 * Shows the page a route names: loads its module the first time, then renders its element with the
 * address's params and query. After a move to another page the keyboard and screen reader start at the
 * new page's heading.
 */
@customElement('admin-page-host')
@localized()
export class AdminPageHost extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      p {
        padding: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) match: RouteMatch | null = null;
  @property({ attribute: false }) query = new URLSearchParams();

  @state() private _failed: string | null = null;
  @state() private _loads = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('match') || this.match === null) return;
    const route = this.match.route;
    if (customElements.get(route.tag) !== undefined) return;
    this._failed = null;
    route.load().then(
      () => {
        this._loads += 1;
      },
      () => {
        this._failed = route.tag;
      },
    );
  }

  override render() {
    const match = this.match;
    if (match === null) return html``;
    if (this._failed === match.route.tag) {
      return html`<p role="alert">${msg('This page could not be loaded. Reload to try again.')}</p>`;
    }
    if (customElements.get(match.route.tag) === undefined) {
      return html`<p role="status">${msg('Loading…')}</p>`;
    }
    const tag = unsafeStatic(match.route.tag);
    return staticHtml`<${tag} .params=${match.params} .query=${this.query}></${tag}>`;
  }

  override updated(changed: PropertyValues): void {
    const previous = changed.get('match') as RouteMatch | null | undefined;
    if (!changed.has('match') && !changed.has('_loads')) return;
    if (previous !== undefined && previous !== null && previous.route === this.match?.route) return;
    void this._focusHeading();
  }

  private async _focusHeading(): Promise<void> {
    const page = this.renderRoot.firstElementChild;
    if (!(page instanceof LitElement)) return;
    await page.updateComplete;
    const heading = page.shadowRoot?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-page-host': AdminPageHost;
  }
}
