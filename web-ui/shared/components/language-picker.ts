import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { isUiLocale, LOCALE_NAMES, UI_LOCALES, type UiLocale } from '../i18n/locales.js';
import { baseStyles, buttonStyles } from '../styles/theme.js';

/**
 * A native select: every platform gives it a touch-friendly list and full keyboard and screen-reader
 * support. Languages are named in themselves; the label is in the current language.
 */
@customElement('language-picker')
@localized()
export class LanguagePicker extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      /* Drawn, not an emoji: tills often have no colour-emoji font, and an emoji would show as a box. */
      svg {
        fill: none;
        stroke: currentColor;
        stroke-width: 1.6;
      }
      select {
        min-height: var(--touch);
        padding: 0 0.5rem;
        border: 1px solid var(--line-strong);
        border-radius: var(--radius);
        background: var(--surface);
      }
    `,
  ];

  @property() locale: UiLocale = 'en';

  override render() {
    return html`<label>
      <span class="visually-hidden">${msg('Language')}</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
        <circle cx="12" cy="12" r="9.5" />
        <path
          d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z"
        />
      </svg>
      <select @change=${this._onChange} aria-label=${msg('Language')}>
        ${UI_LOCALES.map(
          (l) =>
            html`<option value=${l} lang=${l} ?selected=${l === this.locale}>${LOCALE_NAMES[l]}</option>`,
        )}
      </select>
    </label>`;
  }

  private _onChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (isUiLocale(value)) emit(this, 'locale-pick', { locale: value });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'language-picker': LanguagePicker;
  }
}
