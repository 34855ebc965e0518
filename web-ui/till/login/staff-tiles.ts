import { localized } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LoginStaff } from '../../shared/api/till-endpoints.js';
import { baseStyles } from '../../shared/styles/theme.js';
import { roleName } from './role-name.js';

/**
 * Staff as tiles to tap (login, supervisor approval): name and role, the picked one pressed. It only
 * reports the pick (`onPick`); the screen around it owns who is selected.
 */
@customElement('staff-tiles')
@localized()
export class StaffTiles extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.75rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .tile {
        width: 100%;
        min-height: 5.5rem;
        display: grid;
        gap: 0.25rem;
        place-content: center;
        text-align: center;
        border: 2px solid var(--line);
        border-radius: var(--radius);
        background: var(--surface);
        cursor: pointer;
        padding: 0.5rem;
      }
      .tile[aria-pressed='true'] {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .tile .name {
        font-weight: 700;
        font-size: 1.05rem;
      }
      .tile .role {
        color: var(--ink-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) staff: readonly LoginStaff[] = [];
  @property() selected: string | null = null;
  @property({ type: Boolean }) disabled = false;
  /** The group's accessible name. */
  @property() label = '';
  @property({ attribute: false }) onPick: (staffId: string) => void = () => undefined;

  override render() {
    return html`<ul class="tiles" role="group" aria-label=${this.label}>
      ${this.staff.map(
        (s) =>
          html`<li>
            <button
              type="button"
              class="tile"
              aria-pressed=${s.id === this.selected ? 'true' : 'false'}
              ?disabled=${this.disabled}
              @click=${() => {
                this.onPick(s.id);
              }}
            >
              <span class="name">${s.name}</span>
              <span class="role">${roleName(s.role)}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  /** Puts focus on the first tile, for the keyboard. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.tile')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-tiles': StaffTiles;
  }
}
