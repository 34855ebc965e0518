import { appendFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HubContext } from '../../../context.js';
import {
  deleteImportErrors,
  failUnfinishedImports,
  getImport,
  importErrors,
  insertImport,
  insertImportError,
  listImports,
  updateImport,
  type ImportErrorRecord,
  type ImportMode,
  type ImportRecord,
  type ImportSampleRow,
} from '../../../db/catalog-import-queries.js';
import type { Tx } from '../../../db/transactor.js';
import { currencyExponent } from '../../../domain/money.js';
import { AppError, BusinessRuleError, ConflictError, NotFoundError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import { auditEntry, type Actor } from '../../settings/actor.js';
import type { SettingsService } from '../../settings/settings-service.js';
import { CatalogRowValidator, type ImportRow, type RowError } from '../csv/csv-row.js';
import { CsvFileError, readCsvRecords } from '../csv/csv-reader.js';
import type { LabelTemplateService } from '../label-template-service.js';
import { pageAnswer } from '../paging.js';
import { announceProducts } from '../product-writer.js';
import { rowLookups } from './import-lookups.js';
import { writeImportBatch } from './import-writer.js';

/** Rows written per transaction: big enough to be quick, small enough that a sale never waits long. */
export const IMPORT_BATCH_ROWS = 500;
/** The most bytes one upload piece may carry (base64 in JSON, under the API's 1 MiB body limit). */
export const MAX_CHUNK_BYTES = 512 * 1024;
/** A catalog file larger than this is not a catalog. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Row errors kept per import; the count goes on past it. */
const MAX_STORED_ERRORS = 10_000;
const SAMPLE_ROWS = 20;

export type CatalogImport = ImportRecord;

export interface ImportDeps {
  settings: SettingsService;
  templates: LabelTemplateService;
  /** Where uploaded files are kept until imported; defaults to imports/ next to the database. */
  dir?: string;
}

/**
 * CSV import jobs: upload in pieces, check the whole file (every row error kept, nothing written), then
 * import the rows in batches, each batch one transaction, with progress a page can poll. A file with
 * errors is imported only in mode 'valid_only'; the checking and importing run in the background of
 * the hub's event loop, yielding between batches so tills are served meanwhile.
 */
export class CatalogImportService {
  private readonly dir: string;
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly ctx: HubContext,
    private readonly deps: ImportDeps,
  ) {
    this.dir = deps.dir ?? join(dirname(ctx.db.name), 'imports');
  }

  /** Jobs a stopped hub left checking or importing are failed: their rows so far stay, as committed. */
  start(): void {
    this.stopping = false;
    this.ctx.tx.write((tx) => failUnfinishedImports(tx.db, tx.at, 'The hub stopped during this import'));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  create(input: { id?: string | undefined; fileName: string }, actor: Actor): CatalogImport {
    return this.ctx.tx.write((tx) => {
      const id = input.id ?? newId();
      const existing = getImport(tx.db, id);
      if (existing) {
        if (existing.fileName !== input.fileName)
          throw new ConflictError(`Import ${id} already exists`, { id });
        return existing;
      }
      insertImport(tx.db, { id, fileName: input.fileName, createdBy: actor.id, at: tx.at });
      return this.mustGet(tx.db, id);
    });
  }

  get(id: string): CatalogImport {
    return this.ctx.tx.read((db) => this.mustGet(db, id));
  }

  list(page: { limit: number; offset: number }) {
    return this.ctx.tx.read((db) => {
      const { items, total } = listImports(db, page.limit, page.offset);
      return pageAnswer(items, total, page.offset);
    });
  }

  errors(id: string, page: { limit: number; offset: number }) {
    return this.ctx.tx.read((db) => {
      this.mustGet(db, id);
      const { items, total } = importErrors(db, id, page.limit, page.offset);
      return pageAnswer(items, total, page.offset);
    });
  }

  /**
   * Appends a piece of the file at `offset`. A piece sent again (a retry after a lost answer) is taken
   * as already there; a gap or an overlap that does not match is a 409 naming the size the hub has.
   */
  appendChunk(id: string, offset: number, bytes: Uint8Array): CatalogImport {
    const job = this.get(id);
    if (job.status !== 'uploading') throw this.wrongStatus(job, 'uploading');
    if (bytes.length > MAX_CHUNK_BYTES)
      throw new BusinessRuleError(
        'CHUNK_TOO_LARGE',
        `Send the file in pieces of at most ${MAX_CHUNK_BYTES} bytes`,
        {
          maxBytes: MAX_CHUNK_BYTES,
        },
      );
    if (offset + bytes.length <= job.bytes) return job;
    if (offset !== job.bytes)
      throw new ConflictError(
        `The next piece starts at byte ${job.bytes}`,
        { bytes: job.bytes },
        'UPLOAD_OFFSET',
      );
    if (job.bytes + bytes.length > MAX_IMPORT_BYTES)
      throw new BusinessRuleError(
        'FILE_TOO_LARGE',
        `A catalog file may be at most ${MAX_IMPORT_BYTES} bytes`,
        {},
      );
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(this.filePath(id), bytes);
    const size = statSync(this.filePath(id)).size;
    return this.ctx.tx.write((tx) => {
      updateImport(tx.db, id, tx.at, { bytes: size });
      return this.mustGet(tx.db, id);
    });
  }

  /** Starts checking the uploaded file; poll get() until the status is 'checked' (or 'failed'). */
  check(id: string): CatalogImport {
    const job = this.get(id);
    if (job.status === 'checking' || job.status === 'checked') return job;
    if (job.status !== 'uploading') throw this.wrongStatus(job, 'uploading');
    if (job.bytes === 0) throw new BusinessRuleError('FILE_EMPTY', 'No file has been uploaded', {});
    const started = this.ctx.tx.write((tx) => {
      updateImport(tx.db, id, tx.at, { status: 'checking' });
      return this.mustGet(tx.db, id);
    });
    this.runInBackground(id, () => this.runCheck(id));
    return started;
  }

  /**
   * Starts importing a checked file. Mode 'all' refuses a file with any error (422 IMPORT_HAS_ERRORS), so
   * nothing of an invalid file is written unless the manager chose 'valid_only'.
   */
  commit(id: string, mode: ImportMode, actor: Actor): CatalogImport {
    const job = this.get(id);
    if (job.status === 'importing' || job.status === 'done') return job;
    if (job.status !== 'checked') throw this.wrongStatus(job, 'checked');
    if (mode === 'all' && job.errorRows > 0) {
      throw new BusinessRuleError(
        'IMPORT_HAS_ERRORS',
        `${job.errorRows} row(s) have errors; fix the file or import only the valid rows`,
        { errorRows: job.errorRows },
      );
    }
    if (job.validRows === 0)
      throw new BusinessRuleError('NOTHING_TO_IMPORT', 'No row of the file is valid', {});
    const started = this.ctx.tx.write((tx) => {
      updateImport(tx.db, id, tx.at, { status: 'importing', mode, processedRows: 0 });
      tx.audit(
        auditEntry(actor, 'catalog_import.commit', id, { mode, rows: job.validRows, file: job.fileName }),
      );
      return this.mustGet(tx.db, id);
    });
    this.runInBackground(id, () => this.runImport(id, actor));
    return started;
  }

  private runInBackground(id: string, work: () => Promise<void>): void {
    const run = work()
      .catch((error: unknown) => {
        this.ctx.log('error', 'catalog import failed', { id, error: String(error) });
        try {
          const message =
            error instanceof CsvFileError ? error.message : 'The import stopped on an unexpected error';
          this.ctx.tx.write((tx) => {
            updateImport(tx.db, id, tx.at, { status: 'failed', message });
          });
        } catch {
          // The database itself is gone (hub closing); start() marks the job failed next time.
        }
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async runCheck(id: string): Promise<void> {
    this.ctx.tx.write((tx) => deleteImportErrors(tx.db, id));
    const errors = new ErrorSink(this.ctx, id);
    let totalRows = 0;
    let validRows = 0;
    const sample: ImportSampleRow[] = [];
    try {
      for await (const item of this.validatedRows(id)) {
        totalRows += 1;
        if ('errors' in item) errors.add(item.errors);
        else {
          validRows += 1;
          if (sample.length < SAMPLE_ROWS) sample.push(sampleOf(item.row));
        }
        if (totalRows % IMPORT_BATCH_ROWS === 0) {
          errors.flush({ processedRows: totalRows });
          await nextTurn();
          if (this.stopping) return;
        }
      }
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      errors.add([error.error]);
      errors.flush({
        status: 'failed',
        message: error.message,
        totalRows,
        validRows: 0,
        errorRows: errors.rowsWithErrors,
      });
      return;
    }
    errors.flush({
      status: 'checked',
      totalRows,
      validRows,
      processedRows: totalRows,
      errorRows: errors.rowsWithErrors,
      sample,
    });
  }

  private async runImport(id: string, actor: Actor): Promise<void> {
    this.ctx.tx.write((tx) => deleteImportErrors(tx.db, id));
    const errors = new ErrorSink(this.ctx, id);
    let batch: ImportRow[] = [];
    const counts = { processedRows: 0, createdProducts: 0, updatedProducts: 0 };
    const writeBatch = () => {
      const rows = batch;
      batch = [];
      // Rows were checked, so a batch nearly always goes in whole; only when the catalog changed since
      // (a SKU or barcode taken meanwhile) is it written again row by row, skipping the refused rows.
      const attempt = (careful: boolean) =>
        this.ctx.tx.write((tx) => {
          const result = writeImportBatch(tx, rows, actor, careful);
          announceProducts(tx, result.written);
          for (const e of result.errors) errors.add([e]);
          const next = {
            processedRows: counts.processedRows + rows.length,
            createdProducts: counts.createdProducts + result.created,
            updatedProducts: counts.updatedProducts + result.updated,
          };
          errors.writeIn(tx, next);
          return next;
        });
      let next: typeof counts;
      try {
        next = attempt(false);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        next = attempt(true);
      }
      Object.assign(counts, next);
    };
    for await (const item of this.validatedRows(id)) {
      if ('errors' in item) {
        counts.processedRows += 1;
        errors.add(item.errors);
        continue;
      }
      batch.push(item.row);
      if (batch.length >= IMPORT_BATCH_ROWS) {
        writeBatch();
        await nextTurn();
        if (this.stopping) return;
      }
    }
    if (batch.length > 0) writeBatch();
    errors.flush({ status: 'done', ...counts, errorRows: errors.rowsWithErrors });
    rmSync(this.filePath(id), { force: true });
  }

  /** The file's rows, each valid (as the row to write) or with its errors, checked against the catalog now. */
  private async *validatedRows(id: string): AsyncGenerator<{ row: ImportRow } | { errors: RowError[] }> {
    const exponent = currencyExponent(this.deps.settings.get().currency);
    const validator = new CatalogRowValidator(
      rowLookups(this.ctx.db, exponent, this.deps.templates.active()),
    );
    for await (const record of readCsvRecords(this.filePath(id))) {
      if (!('cells' in record)) {
        yield { errors: [record] };
        continue;
      }
      const result = validator.validate(record.cells, record.row);
      yield result.ok ? { row: result.row } : { errors: result.errors };
    }
  }

  private filePath(id: string): string {
    return join(this.dir, `${id}.csv`);
  }

  private mustGet(db: HubContext['db'], id: string): CatalogImport {
    const job = getImport(db, id);
    if (!job) throw new NotFoundError('Import', id);
    return job;
  }

  private wrongStatus(job: CatalogImport, wanted: string): BusinessRuleError {
    return new BusinessRuleError('IMPORT_STATUS', `The import is ${job.status}, not ${wanted}`, {
      status: job.status,
    });
  }
}

function sampleOf(row: ImportRow): ImportSampleRow {
  return {
    row: row.row,
    sku: row.sku,
    name: row.fields.name ?? row.existing?.name ?? null,
    priceMinor: row.fields.priceMinor ?? row.existing?.priceMinor ?? null,
    action: row.existing ? 'update' : 'create',
  };
}

/** Collects row errors and writes them with the job's progress, a batch at a time. */
class ErrorSink {
  private pending: ImportErrorRecord[] = [];
  private stored = 0;
  rowsWithErrors = 0;

  constructor(
    private readonly ctx: HubContext,
    private readonly id: string,
  ) {}

  add(errors: readonly RowError[]): void {
    this.rowsWithErrors += 1;
    for (const e of errors) this.pending.push({ row: e.row, column: e.column, message: e.message });
  }

  flush(fields: Parameters<typeof updateImport>[3]): void {
    this.ctx.tx.write((tx) => {
      this.writeIn(tx, fields);
    });
  }

  /** Writes the pending errors and the job's fields in the caller's transaction. */
  writeIn(tx: Tx, fields: Parameters<typeof updateImport>[3]): void {
    for (const e of this.pending) {
      if (this.stored >= MAX_STORED_ERRORS) break;
      this.stored += 1;
      insertImportError(tx.db, this.id, this.stored, e);
    }
    updateImport(tx.db, this.id, tx.at, { ...fields, errorRows: fields.errorRows ?? this.rowsWithErrors });
    this.pending = [];
  }
}
