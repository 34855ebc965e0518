import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { getStoreTimeZone } from '../components/admin-format.js';
import { pageStyles } from '../components/page-styles.js';
import { AdminPage } from '../shell/admin-page.js';
import { loadFilterOptions, type FilterOptions, type Option } from './filter-options.js';
import { csvHref } from './reports-api.js';
import {
  filterFromQuery,
  presetRange,
  RANGE_PRESETS,
  todayIn,
  type RangePreset,
  type ReportFilter,
} from './report-filter.js';
import { presetLabel } from './report-text.js';

export const reportStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.75rem;
    align-items: end;
    margin-bottom: 1rem;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: 1rem;
    margin-bottom: 1rem;
  }
  .summary .card {
    margin: 0;
  }
  .summary .label {
    color: var(--ink-muted);
    font-size: 0.9rem;
  }
  .up {
    color: #17582b;
  }
  .down {
    color: var(--danger);
  }
  .split {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
    gap: 1rem;
  }
`;

/**
 * What every report page shares: the filters (date range with presets, till, staff, category) kept in the
 * address, loading the report whenever they change (a new load cancels the old one), errors, and the CSV
 * link. A page names its report and renders its figures.
 */
export abstract class ReportPage<T> extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, reportStyles];

  @state() protected filter: ReportFilter = filterFromQuery(
    new URLSearchParams(),
    todayIn(getStoreTimeZone()),
  );
  @state() protected data: T | null = null;
  @state() protected error: unknown = null;
  @state() protected loading = false;
  /** Where a paged report's page starts; a new filter starts again at the first page. */
  @state() protected offset = 0;
  @state() private options: FilterOptions = { tills: [], staff: [], categories: [] };
  #abort: AbortController | null = null;

  /** The report's name in /reports/export/{name}. */
  protected abstract readonly report: string;
  protected abstract heading(): string;
  protected abstract fetch(filter: ReportFilter, signal: AbortSignal): Promise<T>;
  protected abstract renderReport(data: T): TemplateResult;
  /** The report's own controls (granularity, ranking), beside the filters. */
  protected controls(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** The report's own parameters for the CSV export. */
  protected csvExtra(): Record<string, string> {
    return {};
  }
  /** Reports without dates (low stock) hide the date and till/staff filters. */
  protected readonly dated: boolean = true;

  override connectedCallback(): void {
    super.connectedCallback();
    this.filter = filterFromQuery(this.query, todayIn(getStoreTimeZone()));
    void this.reload();
    if (this.session) {
      const session = this.session;
      void loadFilterOptions(this.api, (p) => session.may(p)).then((options) => {
        this.options = options;
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected async reload(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.error = null;
    try {
      const data = await this.fetch(this.filter, abort.signal);
      if (!abort.signal.aborted) this.data = data;
    } catch (error) {
      if (!abort.signal.aborted) this.error = error;
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  /** A changed filter goes into the address (so reload and back keep it) and loads the report again. */
  protected setFilter(change: Partial<ReportFilter>): void {
    const next = { ...this.filter, ...change };
    if (next.from > next.to) return;
    this.filter = next;
    this.offset = 0;
    const url = new URL(location.href);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    history.replaceState(history.state, '', url);
    void this.reload();
  }

  /** Shows the page of a paged report that starts at `offset`. */
  protected goTo(offset: number): void {
    this.offset = offset;
    void this.reload();
  }

  private applyPreset(preset: RangePreset): void {
    this.setFilter(presetRange(preset, todayIn(getStoreTimeZone())));
  }

  private select(
    label: string,
    key: 'tillId' | 'staffId' | 'categoryId',
    options: Option[],
    all: string,
  ): TemplateResult | typeof nothing {
    if (options.length === 0) return nothing;
    return html`<label class="field">
      <span>${label}</span>
      <select
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.setFilter({ [key]: value === '' ? null : value });
        }}
      >
        <option value="" ?selected=${this.filter[key] === null}>${all}</option>
        ${options.map((o) => html`<option value=${o.id} ?selected=${this.filter[key] === o.id}>${o.name}</option>`)}
      </select>
    </label>`;
  }

  private renderFilters(): TemplateResult {
    const f = this.filter;
    const dates = this.dated
      ? html`<label class="field">
            <span>${msg('Period')}</span>
            <select
              @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value as RangePreset | '';
                if (value !== '') this.applyPreset(value);
              }}
            >
              <option value="">${msg('Choose…')}</option>
              ${RANGE_PRESETS.map((p) => html`<option value=${p}>${presetLabel(p)}</option>`)}
            </select>
          </label>
          <label class="field">
            <span>${msg('From')}</span>
            <input
              type="date"
              .value=${f.from}
              max=${f.to}
              @change=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value;
                if (value !== '') this.setFilter({ from: value });
              }}
            />
          </label>
          <label class="field">
            <span>${msg('To')}</span>
            <input
              type="date"
              .value=${f.to}
              min=${f.from}
              @change=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value;
                if (value !== '') this.setFilter({ to: value });
              }}
            />
          </label>
          ${this.select(msg('Till'), 'tillId', this.options.tills, msg('All tills'))}
          ${this.select(msg('Staff'), 'staffId', this.options.staff, msg('All staff'))}`
      : nothing;
    return html`<form
      class="filters"
      aria-label=${msg('Filters')}
      @submit=${(e: Event) => e.preventDefault()}
    >
      ${dates} ${this.select(msg('Category'), 'categoryId', this.options.categories, msg('All categories'))}
      ${this.controls()}
    </form>`;
  }

  override render() {
    return html`<div class="head">
        <h1>${this.heading()}</h1>
        <div class="actions">
          <a class="button" href=${csvHref(this.report, this.filter, this.csvExtra())} download
            >${msg('Download CSV')}</a
          >
        </div>
      </div>
      ${this.renderFilters()}
      ${this.error === null ? nothing : html`<p class="notice error" role="alert">${adminErrorText(this.error)}</p>`}
      <div aria-busy=${this.loading ? 'true' : 'false'} aria-live="polite">
        ${this.data === null ? html`<p class="muted">${msg('Loading…')}</p>` : this.renderReport(this.data)}
      </div>`;
  }
}
