import { msg } from '@lit/localize';
import { html } from 'lit';

/**
 * The one rule for how promotions combine, for managers (the same rule as the engine's module comment in
 * hub/domain/promotions/apply.ts and docs/promotions.md).
 */
export function combineHelp() {
  return html`<details class="card" data-combine-help>
    <summary><strong>${msg('How promotions combine')}</strong></summary>
    <ol>
      <li>
        ${msg(
          'Only campaigns running at the moment of the sale count: from their start to their end, with their code on the sale if they have one, and with a customer on the sale if they are for customers only. Prices go back to normal by themselves when a campaign ends.',
        )}
      </li>
      <li>${msg('An item gets at most one promotion. Promotions never add up on the same item.')}</li>
      <li>
        ${msg(
          'Deals on several items (multibuy, N for a price, buy X get Y) go first, the highest priority first. A deal takes items only where it saves the customer more than the best single-item promotion would.',
        )}
      </li>
      <li>
        ${msg(
          'Every other item gets the single best promotion for it (percent off, amount off, fixed price, member price): the biggest saving wins.',
        )}
      </li>
      <li>${msg('Items sold by weight get single-item promotions only.')}</li>
      <li>
        ${msg(
          "A cashier's discount comes after promotions, on the promoted price; a discount on the whole sale comes last.",
        )}
      </li>
    </ol>
  </details>`;
}
