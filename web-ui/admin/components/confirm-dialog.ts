import { localized, msg } from '@lit/localize';
import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ModalDialog, openModal } from '../../shared/components/modal-dialog.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';

export interface ConfirmOptions {
  heading: string;
  text: string;
  confirmLabel: string;
  /** A change that cannot be undone: the button is marked as dangerous. */
  danger?: boolean;
}

/** Asks before a change that matters (revoke, archive, post a count); Esc or Cancel says no. */
@customElement('confirm-dialog')
@localized()
export class ConfirmDialog extends ModalDialog<boolean> {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      .button.primary.danger {
        background: var(--danger);
        border-color: var(--danger);
      }
    `,
  ];

  @property({ attribute: false }) options: ConfirmOptions = { heading: '', text: '', confirmLabel: '' };

  override render() {
    const o = this.options;
    return html`<dialog
      aria-labelledby="confirm-heading"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.finish(false);
      }}
    >
      <h2 id="confirm-heading">${o.heading}</h2>
      <p>${o.text}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.finish(false)}>${msg('Cancel')}</button>
        <button
          class="button primary ${o.danger === true ? 'danger' : ''}"
          type="button"
          @click=${() => this.finish(true)}
        >
          ${o.confirmLabel}
        </button>
      </div>
    </dialog>`;
  }
}

export function confirmAction(host: Element, options: ConfirmOptions): Promise<boolean> {
  const dialog = new ConfirmDialog();
  dialog.options = options;
  return openModal(host, dialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'confirm-dialog': ConfirmDialog;
  }
}
