// Reads a catalog CSV file as a stream: the delimiter found from the header line (Danish and Finnish
// Excel write ';'), a UTF-8 BOM dropped, rows handed out one at a time with their row number as a
// spreadsheet shows it (the header is row 1), so a 100,000-row file is never held in memory.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { CSV_COLUMNS, REQUIRED_COLUMNS, type CsvColumn } from './csv-columns.js';
import type { RowError } from './csv-row.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  row: number;
  cells: Partial<Record<CsvColumn, string>>;
}

/** The file cannot be read as a catalog CSV at all (bad header, broken quoting): no row is usable. */
export class CsvFileError extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

/** The delimiter of the header line: whichever of ; , and tab occurs most outside quotes (',' on a tie). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (d: string) => unquoted.split(d).length - 1;
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** Header cell -> column: "Tax class", "tax_class" and " TAX CLASS " are the same column. */
export function headerColumn(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, '_');
}

function checkHeader(header: readonly string[]): CsvColumn[] {
  const columns = header.map(headerColumn);
  const fileError = (message: string) => new CsvFileError({ row: 1, column: null, message });
  for (const [i, c] of columns.entries()) {
    if (!(CSV_COLUMNS as readonly string[]).includes(c))
      throw fileError(`unknown column "${header[i] ?? ''}"; the columns are ${CSV_COLUMNS.join(', ')}`);
    if (columns.indexOf(c) !== i) throw fileError(`column "${c}" is there twice`);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw fileError(`missing column(s): ${missing.join(', ')}`);
  return columns as CsvColumn[];
}

/**
 * The data rows of the file, each as its cells by column, or a RowError for a row with the wrong number
 * of fields. Throws CsvFileError for a file that is not a catalog CSV (header, quoting, encoding).
 */
export async function* readCsvRecords(path: string): AsyncGenerator<CsvRecord | RowError> {
  const delimiter = detectDelimiter(firstLine(path));
  const parser = createReadStream(path).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }),
  );
  let columns: CsvColumn[] | undefined;
  let row = 1;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = checkHeader(fields);
        continue;
      }
      row += 1;
      if (fields.length !== columns.length) {
        // A blank trailing cell or two from a spreadsheet is harmless; anything else shifted the columns.
        const extra = fields.slice(columns.length);
        if (fields.length < columns.length || extra.some((f) => f.trim() !== '')) {
          yield {
            row,
            column: null,
            message: `row has ${fields.length} fields, the header has ${columns.length}`,
          };
          continue;
        }
      }
      const cells: CsvRecord['cells'] = {};
      for (const [i, c] of columns.entries()) cells[c] = fields[i] ?? '';
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new CsvFileError({
        row: row + 1,
        column: null,
        message: `the file cannot be read here: ${error.message}`,
      });
    }
    throw error;
  } finally {
    parser.destroy();
  }
  if (!columns) throw new CsvFileError({ row: 1, column: null, message: 'the file is empty' });
}
