// Bulk catalog generator for benchmarks: N products with EAN-13s and search text, inserted straight
// through the query module with prepared statements, one transaction per batch. It skips the services
// on purpose (no audit or outbox rows per product: a benchmark catalog is not a replicated change), but
// keeps the invariants reads depend on: unique change_seq from the 'catalog' counter, FTS rows, barcodes.
import type { Db } from '../../hub/db/connection.js';
import { insertBarcode, insertProduct } from '../../hub/db/catalog-queries.js';
import { addSearchText } from '../../hub/db/catalog-search-queries.js';
import { counterValue, setCounter } from '../../hub/db/catalog-bulk-queries.js';
import { withCheckDigit } from '../../hub/domain/barcodes/index.js';
import { productSearchText } from '../../hub/services/catalog/product-writer.js';
import { v7 as uuidv7 } from 'uuid';
import { prng } from './catalog-seed.js';

export interface BulkOptions {
  count: number;
  /** An existing tax class id. */
  taxClassId: string;
  seed?: number;
  /** Rows per transaction; 10,000 keeps the WAL small and each commit quick. */
  batchSize?: number;
  /** GS1-style prefix for the generated EAN-13s (up to 7 digits); 2xx is avoided, it is for labels. */
  gtinPrefix?: string;
  /** Called after each committed batch with the running total. */
  onBatch?: (inserted: number) => void;
}

const SYLLABLES = [
  'mel',
  'ko',
  'rød',
  'be',
  'de',
  'ost',
  'mai',
  'to',
  'lei',
  'pä',
  'ma',
  'ka',
  'ri',
  'sa',
  'lo',
  'ny',
];
const HAN = ['牛', '奶', '茶', '米', '麵', '豆', '雞', '魚', '果', '菜', '鮮', '綠'];
const UNITS = ['100 g', '250 g', '500 g', '1 kg', '330 ml', '1 l'];

/** Inserts `count` products and returns how many went in. Deterministic for a given seed. */
export function bulkInsertProducts(db: Db, options: BulkOptions): number {
  const rand = prng(options.seed ?? 7);
  const batchSize = options.batchSize ?? 10_000;
  // An EAN-13 holds 12 digits before its check digit: the prefix gives way to the item numbers it needs.
  const itemDigits = String(Math.max(1, options.count - 1)).length;
  const room = 12 - itemDigits;
  const prefix = options.gtinPrefix ?? '5790000'.slice(0, room);
  if (prefix.length > room) {
    throw new RangeError(
      `gtinPrefix ${prefix} leaves no room for ${options.count} item numbers in an EAN-13`,
    );
  }
  const now = new Date().toISOString();
  let seq = counterValue(db, 'catalog');
  const startMs = Date.now();
  let inserted = 0;
  const insertBatch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const k = inserted + i;
      const words = 1 + (rand() % 3);
      const name = Array.from({ length: words }, () => {
        if (rand() % 5 === 0) return `${HAN[rand() % HAN.length] ?? ''}${HAN[rand() % HAN.length] ?? ''}`;
        const len = 2 + (rand() % 2);
        return Array.from({ length: len }, () => SYLLABLES[rand() % SYLLABLES.length] ?? '').join('');
      }).join(' ');
      seq += 1;
      const random = new Uint8Array(16);
      for (let b = 0; b < 16; b += 4) new DataView(random.buffer).setUint32(b, rand());
      const record = {
        id: uuidv7({ msecs: startMs + k, random }),
        parentId: null,
        sku: `BULK-${String(k).padStart(8, '0')}`,
        name: `${name} ${UNITS[rand() % UNITS.length] ?? ''}`,
        description: '',
        attributes: {},
        categoryId: null,
        taxClassId: options.taxClassId,
        unit: 'piece' as const,
        weighed: false,
        priceMinor: 100 + (rand() % 20_000),
        costMinor: 50 + (rand() % 10_000),
        active: true,
        hasVariants: false,
        reorderPoint: null,
        changeSeq: seq,
        createdAt: now,
        updatedAt: now,
      };
      const gtin = `0${withCheckDigit(prefix + String(k).padStart(12 - prefix.length, '0'))}`;
      const num = insertProduct(db, record);
      insertBarcode(db, { code: gtin, productId: record.id, kind: 'gtin' });
      addSearchText(db, num, productSearchText(record, [{ code: gtin, kind: 'gtin' }]));
    }
    setCounter(db, 'catalog', seq);
  });
  while (inserted < options.count) {
    const n = Math.min(batchSize, options.count - inserted);
    insertBatch.immediate(n);
    inserted += n;
    options.onBatch?.(inserted);
  }
  return inserted;
}
