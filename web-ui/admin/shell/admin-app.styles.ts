import { css } from 'lit';

/** The admin frame: a bar on top, the menu at the side on wide screens and as a drawer on narrow ones. */
export const adminAppStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100dvh;
    background: var(--page);
  }
  .offline {
    padding: 0.75rem 1rem;
    background: var(--warning-bg);
    color: var(--warning-ink);
    border-bottom: 2px solid var(--warning-line);
  }
  .starting {
    padding: 2rem;
    text-align: center;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.75rem 1rem;
    padding: 0.5rem clamp(0.75rem, 2vw, 1.5rem);
    background: var(--bar);
    color: var(--on-bar);
  }
  .bar .button {
    background: transparent;
    color: var(--on-bar);
    border-color: var(--on-bar-line);
  }
  .bar .button:hover {
    background: var(--bar-hover);
  }
  .bar language-picker {
    --surface: var(--bar);
    color: var(--on-bar);
  }
  .where {
    display: grid;
    min-width: 0;
    flex: 1;
  }
  .store {
    font-weight: 700;
    font-size: 1.1rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .app {
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
  .frame {
    flex: 1;
    display: grid;
    grid-template-columns: 15rem minmax(0, 1fr);
    align-items: start;
  }
  admin-nav {
    position: sticky;
    top: 0;
    max-height: 100dvh;
    overflow-y: auto;
    background: var(--surface);
    border-right: 1px solid var(--line);
    align-self: stretch;
  }
  main {
    min-width: 0;
    padding: clamp(0.75rem, 2vw, 1.5rem);
  }
  .menu-toggle {
    display: none;
  }
  .message {
    max-width: 40rem;
    padding: 1.5rem;
    background: var(--surface);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
  }
  .message h1 {
    margin-top: 0;
    font-size: 1.4rem;
  }
  @media (max-width: 52rem) {
    .frame {
      grid-template-columns: minmax(0, 1fr);
      align-content: start;
    }
    .bar {
      flex-wrap: wrap;
    }
    .menu-toggle {
      display: inline-block;
    }
    .who {
      display: none;
    }
    admin-nav {
      display: none;
      position: static;
      max-height: none;
      border-right: 0;
      border-bottom: 1px solid var(--line);
    }
    admin-nav.open {
      display: block;
    }
  }
`;
