import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import type { PinKey } from './pin-entry.js';

const DIGITS: readonly PinKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The on-screen PIN keys. It only reports presses (`pin-key` is handled by the login screen, which owns
 * the PIN value and also takes the keyboard), so the pad stays a dumb, reusable control.
 */
@customElement('pin-pad')
@localized()
export class PinPad extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      .pad {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.6rem;
      }
      .key {
        min-height: 4rem;
        font-size: 1.6rem;
        font-variant-numeric: tabular-nums;
      }
      .key.small {
        font-size: 1rem;
      }
    `,
  ];

  @property({ type: Boolean }) disabled = false;
  /** Called with each key; a property rather than an event so the pad needs no event name of its own. */
  @property({ attribute: false }) onKey: (key: PinKey) => void = () => undefined;

  override render() {
    return html`<div class="pad" role="group" aria-label=${msg('PIN keys')}>
      ${DIGITS.map((d) => this._key(d, d))} ${this._key('clear', msg('Clear'), true)} ${this._key('0', '0')}
      ${this._key('back', msg('Delete'), true)}
    </div>`;
  }

  private _key(key: PinKey, label: string, small = false) {
    return html`<button
      type="button"
      class="button key ${small ? 'small' : ''}"
      ?disabled=${this.disabled}
      @click=${() => this.onKey(key)}
    >
      ${label}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pin-pad': PinPad;
  }
}
