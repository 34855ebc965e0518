import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { inOpenDialog } from './in-open-dialog.js';
import { tillModeForKey, type TillModeEntry } from './till-modes.js';

/**
 * The till's modes (sell, cash, ...) as tabs under the top bar, each with its function key. Says
 * 'mode-pick'; the app decides which screen shows.
 */
@customElement('mode-switch')
@localized()
export class ModeSwitch extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        padding: 0.5rem clamp(0.5rem, 2vw, 1.25rem) 0;
      }
      .button {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
      }
      .button[aria-current='page'] {
        background: var(--accent);
        border-color: var(--accent);
        color: var(--on-accent);
      }
      kbd {
        font: inherit;
        font-size: 0.8rem;
        opacity: 0.85;
      }
    `,
  ];

  @property({ attribute: false }) modes: readonly TillModeEntry[] = [];
  @property() current = 'sell';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown);
  }

  override render() {
    if (this.modes.length === 0) return nothing;
    return html`<nav aria-label=${msg('Till mode')}>
      ${this.modes.map(
        (m) =>
          html`<button
            class="button"
            type="button"
            aria-current=${this.current === m.mode ? 'page' : 'false'}
            @click=${() => emit(this, 'mode-pick', { mode: m.mode })}
          >
            ${m.label()} <kbd>${m.key}</kbd>
          </button>`,
      )}
    </nav>`;
  }

  private _onKeyDown = (event: KeyboardEvent): void => {
    if (this.modes.length === 0 || inOpenDialog(event)) return;
    const mode = tillModeForKey(event.key);
    if (mode === null || !this.modes.some((m) => m.mode === mode)) return;
    event.preventDefault();
    emit(this, 'mode-pick', { mode });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mode-switch': ModeSwitch;
  }
}
