import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count } from '../components/admin-format.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable, renderTable } from '../components/table.js';
import { CatalogPage, catalogStyles } from './catalog-page.js';
import {
  checkImport,
  commitImport,
  getImport,
  importErrors,
  startImport,
  uploadFile,
  type CatalogImport,
  type RowError,
} from './import-api.js';

const POLL_MS = 500;

/**
 * Import and export: download the catalog as CSV (comma, or semicolon as Excel writes it in Denmark and
 * Finland); upload a CSV, see what it would do and every row error, then import it whole, or only its
 * valid rows, with a progress bar.
 */
@customElement('catalog-import-page')
@localized()
export class CatalogImportPage extends CatalogPage {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    catalogStyles,
    css`
      progress {
        width: 100%;
        height: 1.25rem;
      }
    `,
  ];

  @state() private _job: CatalogImport | null = null;
  @state() private _uploaded: { bytes: number; of: number } | null = null;
  #poll: ReturnType<typeof setTimeout> | undefined;

  private _errors = new PagedList<RowError>(
    this,
    (limit, offset, signal) => importErrors(this.api, this._job?.id ?? '', limit, offset, signal),
    20,
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#poll);
  }

  override render() {
    return html`<div class="head"><h1 tabindex="-1">${msg('Import and export')}</h1></div>
      ${this.renderNotice()}
      <section class="card" aria-labelledby="export-heading">
        <h2 id="export-heading">${msg('Export')}</h2>
        <p class="toolbar">
          <a
            class="button"
            href="/api/v1/catalog-export/products.csv?delimiter=semicolon"
            download="products.csv"
            >${msg('Download CSV for Excel (semicolons)')}</a
          >
          <a class="button" href="/api/v1/catalog-export/products.csv" download="products.csv"
            >${msg('Download CSV (commas)')}</a
          >
        </p>
      </section>
      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading">${msg('Import')}</h2>
        <p class="muted">
          ${msg('Columns: sku, name, price (required), and any of description, category, tax_class, unit, weighed, cost, barcodes, reorder_point, active, parent_sku, has_variants, attributes. A known SKU updates that product.')}
        </p>
        <form class="toolbar" @submit=${this._upload}>
          <label class="field">
            <span>${msg('CSV file')}</span>
            <input type="file" name="file" accept=".csv,text/csv" required />
          </label>
          <button class="button primary" type="submit" ?disabled=${this.busy || this._running}>
            ${msg('Upload and check')}
          </button>
        </form>
        ${this._renderProgress()}
      </section>
      ${this._job === null ? nothing : this._renderJob(this._job)}`;
  }

  private get _running(): boolean {
    const status = this._job?.status;
    return status === 'uploading' || status === 'checking' || status === 'importing';
  }

  private _renderProgress() {
    const job = this._job;
    if (this._uploaded !== null && job?.status === 'uploading') {
      return html`<label class="field"
        ><span>${msg('Uploading')}</span>
        <progress max=${this._uploaded.of} .value=${this._uploaded.bytes}></progress
      ></label>`;
    }
    if (job?.status === 'checking') {
      return html`<label class="field"
        ><span>${msg(str`Checking: ${count(job.processedRows)} rows so far`)}</span> <progress></progress
      ></label>`;
    }
    if (job?.status === 'importing') {
      return html`<label class="field"
        ><span>${msg(str`Importing: ${count(job.processedRows)} of ${count(job.totalRows)} rows`)}</span>
        <progress max=${job.totalRows} .value=${job.processedRows} data-import-progress></progress
      ></label>`;
    }
    return nothing;
  }

  private _renderJob(job: CatalogImport) {
    if (job.status === 'uploading' || job.status === 'checking') return nothing;
    return html`<section class="card" aria-labelledby="result-heading" data-import-status=${job.status}>
      <h2 id="result-heading">${this._heading(job)}</h2>
      ${job.status === 'checked' ? this._renderChoice(job) : nothing}
      ${
        job.sample.length > 0 && job.status === 'checked'
          ? renderTable({
              caption: msg('The first rows as they will be imported'),
              rows: job.sample,
              empty: '',
              columns: [
                { header: msg('Row'), cell: (r) => r.row, align: 'end' },
                { header: msg('SKU'), cell: (r) => r.sku },
                { header: msg('Name'), cell: (r) => r.name ?? '—' },
                {
                  header: msg('Price'),
                  cell: (r) => (r.priceMinor === null ? '—' : storeMoney(r.priceMinor)),
                  align: 'end',
                },
                {
                  header: msg('Does'),
                  cell: (r) => (r.action === 'create' ? msg('New product') : msg('Updates')),
                },
              ],
            })
          : nothing
      }
      ${
        job.errorRows > 0
          ? html`<h3>${msg(str`Rows with errors: ${count(job.errorRows)}`)}</h3>
              ${renderPagedTable(this._errors, {
                caption: msg('Row errors'),
                hideCaption: true,
                empty: '',
                columns: [
                  { header: msg('Row'), cell: (e) => e.row, align: 'end' },
                  { header: msg('Column'), cell: (e) => e.column ?? '—' },
                  { header: msg('Problem'), cell: (e) => e.message },
                ],
              })}`
          : nothing
      }
    </section>`;
  }

  private _heading(job: CatalogImport): string {
    switch (job.status) {
      case 'checked':
        return msg(
          str`${job.fileName}: ${count(job.totalRows)} rows, ${count(job.validRows)} valid, ${count(job.errorRows)} with errors`,
        );
      case 'importing':
        return msg(str`Importing ${job.fileName}`);
      case 'done':
        return msg(
          str`Imported: ${count(job.createdProducts)} new products, ${count(job.updatedProducts)} updated, ${count(job.errorRows)} rows left out`,
        );
      case 'failed':
        return msg(str`${job.fileName} cannot be imported: ${job.message ?? ''}`);
      default:
        return job.fileName;
    }
  }

  private _renderChoice(job: CatalogImport) {
    if (job.errorRows === 0) {
      return html`<p>
        <button
          class="button primary"
          type="button"
          ?disabled=${this.busy}
          @click=${() => this._commit('all')}
        >
          ${msg(str`Import ${count(job.validRows)} rows`)}
        </button>
      </p>`;
    }
    return html`<p class="notice warning">
        ${msg('Nothing is imported from a file with errors unless you choose to import only its valid rows.')}
      </p>
      <p class="toolbar">
        <button
          class="button"
          type="button"
          ?disabled=${this.busy || job.validRows === 0}
          @click=${() => this._commit('valid_only')}
        >
          ${msg(str`Import only the ${count(job.validRows)} valid rows`)}
        </button>
      </p>`;
  }

  private _upload = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('file');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file === undefined) return;
    void this.run(async () => {
      this._job = await startImport(this.api, uuidv7(), file.name);
      this._uploaded = { bytes: 0, of: file.size };
      await uploadFile(this.api, this._job.id, file, (bytes) => {
        this._uploaded = { bytes, of: file.size };
      });
      this._job = await checkImport(this.api, this._job.id);
      this._watch();
      return null;
    });
  };

  private _commit(mode: 'all' | 'valid_only'): void {
    const job = this._job;
    if (job === null) return;
    void this.run(async () => {
      this._job = await commitImport(this.api, job.id, mode);
      this._watch();
      return null;
    });
  }

  /** Polls the job while the hub works on it; then shows its row errors. */
  private _watch(): void {
    clearTimeout(this.#poll);
    const job = this._job;
    if (job === null) return;
    if (job.status === 'checking' || job.status === 'importing') {
      this.#poll = setTimeout(() => {
        void this.run(async () => {
          this._job = await getImport(this.api, job.id);
          this._watch();
          return null;
        });
      }, POLL_MS);
      return;
    }
    if (job.errorRows > 0) void this._errors.load(0);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'catalog-import-page': CatalogImportPage;
  }
}
