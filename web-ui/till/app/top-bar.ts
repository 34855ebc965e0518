import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../shared/components/language-picker.js';
import { emit } from '../../shared/events.js';
import type { ClockStatus } from '../../shared/api/time-clock-endpoints.js';
import type { UiLocale } from '../../shared/i18n/locales.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';

/** Store and till name, who is logged in, the language, and lock / log out. Always on screen. */
@customElement('top-bar')
@localized()
export class TopBar extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      header {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.5rem clamp(0.75rem, 2vw, 1.5rem);
        background: var(--bar);
        color: var(--on-bar);
      }
      .where {
        display: grid;
        min-width: 0;
      }
      .store {
        font-weight: 700;
        font-size: 1.1rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .till {
        opacity: 0.85;
        font-size: 0.9rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: end;
      }
      .who {
        font-weight: 600;
      }
      .button {
        background: transparent;
        color: var(--on-bar);
        border-color: var(--on-bar-line);
      }
      .button:hover {
        background: var(--bar-hover);
      }
      language-picker {
        --surface: var(--bar);
        color: var(--on-bar);
      }
      /* Phones: the actions take their own row under the names. */
      @media (max-width: 560px) {
        header {
          grid-template-columns: 1fr;
        }
        .actions {
          justify-content: start;
        }
      }
    `,
  ];

  @property() storeName = '';
  @property() tillName = '';
  @property() staffName: string | null = null;
  @property() locale: UiLocale = 'en';
  /** The cashier's time clock, once the hub said; null: not known (yet). */
  @property() clockStatus: ClockStatus | null = null;

  override render() {
    return html`<header>
      <div class="where">
        <span class="store">${this.storeName || msg('Store hub')}</span>
        ${this.tillName ? html`<span class="till">${this.tillName}</span>` : nothing}
      </div>
      <div class="actions">
        ${
          this.staffName === null
            ? nothing
            : html`<span class="who">${this.staffName}</span>
                <button
                  class="button"
                  type="button"
                  data-action="time-clock"
                  @click=${() => emit(this, 'time-clock-open', {})}
                >
                  ${clockLabel(this.clockStatus)}
                </button>
                <button
                  class="button"
                  type="button"
                  data-action="customer-display"
                  @click=${() => emit(this, 'display-manage', {})}
                >
                  ${msg('Customer display')}
                </button>
                <button
                  class="button"
                  type="button"
                  @click=${() => emit(this, 'staff-logout', { reason: 'switch' })}
                >
                  ${msg('Switch user')}
                </button>
                <button
                  class="button"
                  type="button"
                  @click=${() => emit(this, 'staff-logout', { reason: 'logout' })}
                >
                  ${msg('Log out')}
                </button>`
        }
        <language-picker .locale=${this.locale}></language-picker>
      </div>
    </header>`;
  }
}

/** The time clock button says where the cashier stands, so nobody forgets to clock in or out. */
function clockLabel(status: ClockStatus | null): string {
  switch (status) {
    case 'working':
      return msg('Clocked in');
    case 'on_break':
      return msg('On a break');
    case 'off':
      return msg('Clocked out');
    case null:
      return msg('Time clock');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'top-bar': TopBar;
  }
}
