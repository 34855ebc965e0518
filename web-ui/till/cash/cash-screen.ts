import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  currentSession,
  printXReport,
  reprintZReport,
  xReport,
  type CashSession,
  type ReportFigures,
  type ZReport,
} from '../../shared/api/cash-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { formatDateTime } from '../../shared/format/numbers.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { inOpenDialog } from '../app/in-open-dialog.js';
import { noticeStyles } from '../selling/selling-panel.styles.js';
import { cashRefusalText } from './cash-refusal-text.js';
import { cashStyles } from './cash.styles.js';
import { CASH_ACTIONS, cashActionForKey, type CashPanel } from './cash-actions.js';
import './cash-movement-form.js';
import './cash-report-view.js';
import './close-session-form.js';
import './open-session-form.js';

interface Notice {
  text: string;
  danger: boolean;
}

/**
 * The till's cash drawer: open the session with a counted float, pay in and out, open the drawer for no
 * sale, read and print the X report, and close with a count and a printed Z report. Every figure is the
 * hub's. After a close the screen offers a new session, and selling asks for one too.
 */
@customElement('cash-screen')
@localized()
export class CashScreen extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    noticeStyles,
    cashStyles,
    css`
      :host {
        display: block;
        padding: clamp(0.5rem, 2vw, 1.25rem);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(13rem, 16rem) minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      nav .button {
        width: 100%;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        text-align: start;
      }
      nav .button[aria-current='true'] {
        background: var(--accent-soft);
        border-color: var(--accent);
      }
      .status {
        margin: 0 0 0.75rem;
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 1rem;
      }
      footer ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        padding: 0;
        margin: 1rem 0 0;
        color: var(--ink-muted);
        font-size: 0.9rem;
      }
      /* Tablets in portrait and phones: the actions become a row of buttons above the panel. */
      @media (max-width: 800px) {
        .layout {
          grid-template-columns: 1fr;
        }
        nav ul {
          grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        }
      }
    `,
  ];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  @property() timeZone: string | undefined = undefined;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  /** undefined while loading; null when no session is open. */
  @state() private _session: CashSession | null | undefined = undefined;
  @state() private _panel: CashPanel = 'x_report';
  @state() private _report: ReportFigures | null = null;
  @state() private _closed: ZReport | null = null;
  @state() private _notice: Notice | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown);
    void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown);
  }

  override render() {
    return html`<div
      data-screen="cash"
      @till-notice=${(e: AppEvent<'till-notice'>) => {
        this._notice = e.detail;
      }}
      @cash-session-opened=${this._onOpened}
      @cash-recorded=${this._onRecorded}
      @cash-session-closed=${this._onClosed}
    >
      ${this._body()}
    </div>`;
  }

  private _body() {
    if (this._closed) return this._zResult(this._closed);
    const session = this._session;
    if (session === undefined) return html`<p class="status">${msg('Loading the cash session…')}</p>`;
    if (session === null) {
      return html`<section class="card">
        <h2>${msg('Open a cash session')}</h2>
        ${this._noticeLine()}
        <open-session-form
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
          countMode="denominations"
        ></open-session-form>
      </section>`;
    }
    return html`<div class="layout">
        <nav aria-label=${msg('Cash actions')}>
          <ul>
            ${CASH_ACTIONS.map(
              (a) =>
                html`<li>
                  <button
                    class="button"
                    type="button"
                    aria-current=${this._panel === a.panel ? 'true' : 'false'}
                    @click=${() => {
                      this._show(a.panel);
                    }}
                  >
                    <span>${a.label()}</span><kbd>${a.key}</kbd>
                  </button>
                </li>`,
            )}
          </ul>
        </nav>
        <section class="card" aria-live="polite">
          <p class="status" data-session-line>${this._sessionLine(session)}</p>
          ${this._noticeLine()} ${this._panelBody(session)}
        </section>
      </div>
      <footer>
        <ul aria-label=${msg('Keyboard shortcuts')}>
          ${CASH_ACTIONS.map((a) => html`<li><kbd>${a.key}</kbd> ${a.label()}</li>`)}
        </ul>
      </footer>`;
  }

  private _sessionLine(session: CashSession): string {
    const since = formatDateTime(session.openedAt, this.uiLocale, this.timeZone);
    const float = storeMoney(session.floatMinor, this.currency);
    return msg(str`Cash session open since ${since}, float ${float}.`);
  }

  private _noticeLine() {
    const n = this._notice;
    if (!n) return nothing;
    return html`<p
      class="notice ${n.danger ? 'danger' : ''}"
      data-cash-notice
      role=${n.danger ? 'alert' : 'status'}
    >
      ${n.text}
    </p>`;
  }

  private _panelBody(session: CashSession) {
    switch (this._panel) {
      case 'pay_in':
      case 'pay_out':
      case 'no_sale':
        return html`<cash-movement-form
          .action=${this._panel}
          .sessionId=${session.id}
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
        ></cash-movement-form>`;
      case 'x_report':
        return html`<h2>${msg('X report')}</h2>
          ${
            this._report
              ? html`<cash-report-view
                  .report=${this._report}
                  .currency=${this.currency}
                  .uiLocale=${this.uiLocale}
                  .timeZone=${this.timeZone}
                ></cash-report-view>`
              : html`<p>${msg('Loading the figures…')}</p>`
          }
          <div class="actions">
            <button class="button" type="button" @click=${() => void this._loadReport()}>
              ${msg('Refresh')}
            </button>
            <button class="button" type="button" @click=${() => void this._printX(session.id)}>
              ${msg('Print the X report')}
            </button>
          </div>`;
      case 'close':
        return html`<close-session-form
          .sessionId=${session.id}
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
        ></close-session-form>`;
    }
  }

  private _zResult(z: ZReport) {
    const number = z.number;
    return html`<section class="card" data-z-report>
      <h2>${msg(str`Z report ${number}`)}</h2>
      ${this._noticeLine()}
      <p class="status">${msg('The session is closed. The Z report is on its way to the printer.')}</p>
      <cash-report-view
        .z=${z}
        .currency=${this.currency}
        .uiLocale=${this.uiLocale}
        .timeZone=${this.timeZone}
      ></cash-report-view>
      <div class="actions">
        <button class="button primary" type="button" @click=${this._startNew}>
          ${msg('Open a new session')}
        </button>
        <button class="button" type="button" @click=${() => void this._reprintZ(number)}>
          ${msg('Print a copy')}
        </button>
      </div>
    </section>`;
  }

  // ---- actions ----

  private _api() {
    if (!this._connection) throw new Error('cash-screen needs the hub connection context');
    return this._connection.api;
  }

  private _show(panel: CashPanel): void {
    this._notice = null;
    this._panel = panel;
    this._enterPanel();
  }

  /** Loads what the current panel shows and puts the focus in its first field. */
  private _enterPanel(): void {
    if (this._panel === 'x_report') void this._loadReport();
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector('cash-movement-form')?.focusFirst();
      this.renderRoot.querySelector('close-session-form')?.focusFirst();
    });
  }

  private async _load(): Promise<void> {
    try {
      this._session = await currentSession(this._api());
      // A key pressed while the session was on its way chose the panel already: show it now.
      if (this._session) this._enterPanel();
    } catch (error) {
      this._notice = { text: cashRefusalText(error), danger: true };
    }
  }

  private async _loadReport(): Promise<void> {
    const session = this._session;
    if (!session) return;
    try {
      this._report = await xReport(this._api(), session.id);
    } catch (error) {
      this._notice = { text: cashRefusalText(error), danger: true };
    }
  }

  private async _printX(sessionId: string): Promise<void> {
    try {
      await printXReport(this._api(), sessionId);
      this._notice = { text: msg('The X report is on its way to the printer.'), danger: false };
    } catch (error) {
      this._notice = { text: cashRefusalText(error), danger: true };
    }
  }

  private async _reprintZ(number: number): Promise<void> {
    try {
      await reprintZReport(this._api(), number);
      this._notice = { text: msg('A copy is on its way to the printer.'), danger: false };
    } catch (error) {
      this._notice = { text: cashRefusalText(error), danger: true };
    }
  }

  private _onOpened = (): void => {
    this._notice = { text: msg('The cash session is open.'), danger: false };
    this._panel = 'x_report';
    void this._load();
  };

  private _onRecorded = (): void => {
    // The form's own notice (what was recorded) stays; the figures behind it changed.
    this._report = null;
    void this._loadReport();
  };

  private _onClosed = (event: AppEvent<'cash-session-closed'>): void => {
    this._notice = null;
    this._closed = event.detail.report;
    this._session = null;
    this._report = null;
  };

  private _startNew = (): void => {
    this._closed = null;
    this._notice = null;
    this._panel = 'x_report';
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    if (this._session === null || this._closed || inOpenDialog(event)) return;
    const action = cashActionForKey(event.key);
    if (!action) return;
    event.preventDefault();
    // Still loading: remember the choice; _load shows it once the hub answered.
    if (this._session === undefined) this._panel = action.panel;
    else this._show(action.panel);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cash-screen': CashScreen;
  }
}
