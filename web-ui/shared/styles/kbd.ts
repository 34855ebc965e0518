import { css } from 'lit';

/** A keyboard shortcut shown on a button or in a list: small, outlined, in the text's colour. */
export const kbdStyles = css`
  kbd {
    font-family: inherit;
    font-size: 0.78em;
    padding: 0 0.3em;
    border: 1px solid currentColor;
    border-radius: 4px;
    opacity: 0.85;
  }
`;
