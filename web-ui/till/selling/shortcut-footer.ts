import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { REPRINT_LAST_KEY } from '../receipt/receipt-logic.js';
import { cartShortcuts } from './cart-actions.js';

/** The selling screen's footer: every keyboard shortcut, and the cash sales still waiting for the hub. */
export function renderShortcutFooter(waiting: number) {
  return html`<footer>
    <ul aria-label=${msg('Keyboard shortcuts')}>
      <li><kbd>F2</kbd> ${msg('Search')}</li>
      <li><kbd>Alt+G</kbd> ${msg('Favourites and categories')}</li>
      <li><kbd>F12</kbd> ${msg('Pay')}</li>
      <li><kbd>${REPRINT_LAST_KEY.label}</kbd> ${msg('Print the last receipt')}</li>
      <li><kbd>Esc</kbd> ${msg('Close')}</li>
      ${cartShortcuts().map((k) => html`<li><kbd>${k.keys}</kbd> ${k.label}</li>`)}
      <li>${msg('A scanner works wherever the focus is.')}</li>
      ${
        waiting > 0
          ? html`<li role="status" data-waiting>${msg(str`Sales waiting for the hub: ${waiting}`)}</li>`
          : nothing
      }
    </ul>
  </footer>`;
}
