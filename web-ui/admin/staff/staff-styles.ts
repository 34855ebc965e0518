import { css } from 'lit';

/** What the staff pages add to pageStyles: links that look like buttons, checkboxes that never shrink. */
export const staffStyles = css`
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
    color: inherit;
    box-sizing: border-box;
  }
  a.button.primary {
    color: var(--on-accent);
  }
  .check input {
    flex: none;
  }
`;
