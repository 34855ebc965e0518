import { css } from 'lit';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { pageStyles } from '../components/page-styles.js';

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
  form.card {
    display: grid;
    gap: 1rem;
  }
`;

/** Every staff page's styles: the theme, the admin page blocks, and the additions above. */
export const staffPageStyles = [baseStyles, buttonStyles, pageStyles, staffStyles];
