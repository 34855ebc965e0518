import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formText } from '../components/form-data.js';
import { setQuery } from '../shell/navigation.js';
import type { DateRange } from './time-api.js';

/**
 * From and to dates for a staff report, kept in the address's query so a reload or a shared link shows
 * the same period. `extra` goes at the end of the toolbar (an export link).
 */
export function renderRangeForm(range: DateRange, extra: TemplateResult | null = null): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setQuery({ from: formText(form, 'from'), to: formText(form, 'to') });
  };
  return html`<form class="toolbar" @submit=${submit}>
    <label class="field">
      <span>${msg('From')}</span>
      <input type="date" name="from" required .value=${range.from} />
    </label>
    <label class="field">
      <span>${msg('To')}</span>
      <input type="date" name="to" required .value=${range.to} />
    </label>
    <button class="button primary" type="submit">${msg('Show')}</button>
    ${extra}
  </form>`;
}
