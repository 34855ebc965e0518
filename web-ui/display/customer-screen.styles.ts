import { css } from 'lit';

/**
 * A screen read from a metre or two away: type scales with the viewport, amounts in tabular figures,
 * high contrast. Landscape (tablet, monitor): items left, the sum right. Portrait: stacked.
 */
export const customerScreenStyles = css`
  :host {
    display: block;
    height: 100%;
    font-size: clamp(1rem, 2.4vmin, 2.2rem);
    font-variant-numeric: tabular-nums;
  }
  h1,
  p {
    margin: 0;
  }
  .welcome,
  .thanks {
    height: 100%;
    display: grid;
    place-items: center;
    align-content: center;
    gap: 1.5em;
    text-align: center;
    padding: 2em;
    background: var(--bar);
    color: var(--on-bar);
  }
  .hello {
    font-size: 2.2em;
    font-weight: 300;
  }
  .store-big {
    font-size: 3.2em;
    font-weight: 800;
    overflow-wrap: anywhere;
  }
  .cart {
    height: 100%;
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  }
  .items {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr) auto;
    padding: 1.2em 1.5em;
    min-height: 0;
  }
  .store {
    font-size: 1.1em;
    font-weight: 700;
    color: var(--ink-muted);
    margin-bottom: 0.6em;
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    overflow-y: auto;
    min-height: 0;
  }
  .lines li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'name amount' 'detail amount' 'saving saving';
    gap: 0.1em 1em;
    padding: 0.55em 0;
    border-bottom: 1px solid var(--line);
  }
  .lines li:last-child {
    background: var(--accent-soft);
    margin: 0 -0.5em;
    padding-inline: 0.5em;
    border-radius: var(--radius);
  }
  .name {
    grid-area: name;
    font-weight: 700;
    font-size: 1.15em;
    overflow-wrap: anywhere;
  }
  .amount {
    grid-area: amount;
    align-self: center;
    font-weight: 700;
    font-size: 1.2em;
  }
  .detail {
    grid-area: detail;
    color: var(--ink-muted);
    font-size: 0.9em;
  }
  .saving {
    color: #0a6b2e;
    font-weight: 600;
  }
  .lines .saving {
    grid-area: saving;
    font-size: 0.9em;
  }
  .promotions {
    list-style: none;
    padding: 0.5em 0 0;
    margin: 0;
  }
  .promotions li {
    display: flex;
    justify-content: space-between;
    color: #0a6b2e;
    font-weight: 600;
  }
  .sum {
    display: grid;
    align-content: center;
    gap: 0.4em;
    padding: 1.5em;
    background: var(--bar);
    color: var(--on-bar);
  }
  .sum .saving {
    color: #7ee2a0;
  }
  .label {
    font-size: 1.1em;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    opacity: 0.85;
  }
  .total {
    font-size: 3.4em;
    font-weight: 800;
    line-height: 1.1;
    overflow-wrap: anywhere;
  }
  .row {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    font-size: 1.2em;
  }
  .due {
    font-weight: 800;
  }
  .change,
  .paid {
    font-size: 3em;
    font-weight: 800;
    color: #ffd166;
  }
  .thanks {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  .thanks h1 {
    font-size: 3em;
  }
  .thanks .store {
    color: inherit;
    opacity: 0.85;
  }
  .message {
    display: grid;
    gap: 0.5em;
  }
  .receipt {
    opacity: 0.85;
  }
  .qr {
    margin: 0;
    display: grid;
    gap: 0.6em;
    justify-items: center;
  }
  .qr img {
    width: min(40vmin, 22em);
    height: auto;
    background: #fff;
    padding: 0.6em;
    border-radius: var(--radius);
  }
  @media (orientation: portrait) {
    .cart {
      grid-template-columns: 1fr;
      grid-template-rows: minmax(0, 1fr) auto;
    }
  }
`;
