import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../styles/theme.js';

/** A plain card that says which part of the product a page will be and that it is not built yet. */
@customElement('coming-soon')
export class ComingSoon extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100dvh;
        padding: 1rem;
      }
      .card {
        width: min(100%, 36rem);
        display: grid;
        gap: 1rem;
        background: var(--surface);
        border: 1px solid var(--line);
        border-radius: calc(var(--radius) * 2);
        padding: 2rem;
        box-shadow: var(--shadow);
      }
      h1 {
        margin: 0;
      }
      p {
        margin: 0;
        line-height: 1.5;
      }
    `,
  ];

  @property() heading = '';
  @property() text = '';

  override render() {
    return html`<div class="card">
      <h1>${this.heading}</h1>
      <p>${this.text}</p>
      <slot></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coming-soon': ComingSoon;
  }
}
