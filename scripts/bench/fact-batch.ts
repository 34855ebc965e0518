// A FactSink for the bulk load: the deltas addDocumentFacts makes for each document are summed in memory
// per summary row and written with the same upserts when flushed (once per generated day), so a year of
// documents costs one upsert per summary row and day instead of one per document.
import type { Db } from '../../hub/db/connection.js';
import { tableSink, type FactSink } from '../../hub/services/reports/sale-facts.js';

type Delta = Record<string, string | number>;

class Summed<T extends Delta> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly keys: readonly (keyof T & string)[]) {}

  add(d: T): void {
    const key = this.keys.map((k) => String(d[k])).join('|');
    const row = this.rows.get(key);
    if (!row) {
      this.rows.set(key, { ...d });
      return;
    }
    const sums = row as Record<string, string | number>;
    for (const [field, value] of Object.entries(d)) {
      if (typeof value === 'number' && !this.keys.includes(field)) sums[field] = Number(sums[field]) + value;
    }
  }

  drain(write: (d: T) => void): void {
    for (const row of this.rows.values()) write(row);
    this.rows.clear();
  }
}

export class BatchedFacts implements FactSink {
  private readonly lineHours = new Summed<Parameters<FactSink['lineHour']>[0] & Delta>([
    'hour',
    'tillId',
    'staffId',
    'categoryId',
    'taxRateBp',
    'kind',
  ]);
  private readonly docHours = new Summed<Parameters<FactSink['docHour']>[0] & Delta>([
    'hour',
    'tillId',
    'staffId',
    'kind',
  ]);
  private readonly productDays = new Summed<Parameters<FactSink['productDay']>[0] & Delta>([
    'day',
    'tillId',
    'staffId',
    'productId',
    'kind',
  ]);
  private readonly productMonths = new Summed<Parameters<FactSink['productMonth']>[0] & Delta>([
    'month',
    'tillId',
    'staffId',
    'productId',
    'kind',
  ]);
  private readonly paymentHours = new Summed<Parameters<FactSink['paymentHour']>[0] & Delta>([
    'hour',
    'tillId',
    'staffId',
    'tenderId',
    'direction',
  ]);

  lineHour(d: Parameters<FactSink['lineHour']>[0]): void {
    this.lineHours.add(d as typeof d & Delta);
  }
  docHour(d: Parameters<FactSink['docHour']>[0]): void {
    this.docHours.add(d as typeof d & Delta);
  }
  productDay(d: Parameters<FactSink['productDay']>[0]): void {
    this.productDays.add(d as typeof d & Delta);
  }
  productMonth(d: Parameters<FactSink['productMonth']>[0]): void {
    this.productMonths.add(d as typeof d & Delta);
  }
  paymentHour(d: Parameters<FactSink['paymentHour']>[0]): void {
    this.paymentHours.add(d as typeof d & Delta);
  }

  /** Writes what was gathered with the upserts a completing sale uses, and starts again. */
  flush(db: Db): void {
    const table = tableSink(db);
    this.lineHours.drain((d) => table.lineHour(d));
    this.docHours.drain((d) => table.docHour(d));
    this.productDays.drain((d) => table.productDay(d));
    this.productMonths.drain((d) => table.productMonth(d));
    this.paymentHours.drain((d) => table.paymentHour(d));
  }
}
