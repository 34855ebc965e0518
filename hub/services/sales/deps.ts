import type { Permission } from '../../contract/permissions.js';
import type { Authorization, OverrideInput, Principal } from '../../contract/principal.js';
import type { Db } from '../../db/connection.js';
import type { SaleLineRow, SaleRow } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import type { TaxMode } from '../../domain/tax.js';
import type { LookupResult } from '../catalog/lookup.js';
import { openSessionForTill } from '../cash/open-session.js';
import { recordStockMovements } from '../stock/stock-service.js';

// What sales, payments and returns need from the other areas, as the narrowest structural types, so the
// composition root passes the real services and tests can pass the same ones.

export interface SalesSettings {
  currency: string;
  taxMode: TaxMode;
  /** Smallest cash step in minor units (1 = exact). */
  cashRoundingMinor: number;
}

export interface SettingsReader {
  get(): SalesSettings;
}

/** AccessService.authorize: the actor's own permission, or a supervisor's PIN; throws 403 otherwise. */
export interface Authorizer {
  authorize(
    principal: Principal,
    permission: Permission,
    override?: OverrideInput | null,
  ): Authorization | Promise<Authorization>;
}

export interface SaleStockMovement {
  productId: string;
  /** Signed: negative out (sale, write-off), positive in (return). */
  quantity: number;
  reason: 'sale' | 'return' | 'writeoff';
  refId: string;
}

/**
 * Records stock movements inside the caller's transaction and announces 'stock.changed' after commit
 * (the stock area's ledger function does both).
 */
export type StockRecorder = (tx: Tx, movements: readonly SaleStockMovement[], staffId: string) => void;

export type OpenCashSessionLookup = (db: Db, tillId: string) => string | null;

/**
 * CatalogService.lookupBarcodeIn: what a scanned code means (product, label price or weight), read on the
 * caller's connection. Sales decode a line's `scannedCode` with it rather than taking a till's figures.
 */
export interface ScanLookup {
  lookupBarcodeIn(db: Db, raw: string): LookupResult;
}

/**
 * Stands in when the composition root passes no catalog: a scanned line is then a hub fault (500, logged),
 * never a line priced on the till's word.
 */
export const noScanLookup: ScanLookup = {
  lookupBarcodeIn: () => {
    throw new Error('the sales module was built without a catalog; pass catalog: CatalogService');
  },
};

/**
 * Runs inside the transaction that completes a sale or a return, after its receipt number and stock (gift
 * cards sold are loaded, loyalty points earned or taken back). A throw refuses the completion.
 */
export type CompletionHook = (tx: Tx, sale: SaleRow, lines: readonly SaleLineRow[]) => void;

export interface SalesDeps {
  settings: SettingsReader;
  completionHooks?: readonly CompletionHook[];
  access: Authorizer;
  /** Required for lines with a scannedCode; the composition root passes the CatalogService. */
  catalog?: ScanLookup;
  recordStock?: StockRecorder;
  openCashSession?: OpenCashSessionLookup;
}

export const ledgerStock: StockRecorder = (tx, movements, staffId) => {
  recordStockMovements(tx, movements, staffId);
};

export interface ResolvedSalesDeps {
  settings: SettingsReader;
  completionHooks: readonly CompletionHook[];
  access: Authorizer;
  catalog: ScanLookup;
  recordStock: StockRecorder;
  openCashSession: OpenCashSessionLookup;
}

export function resolveSalesDeps(deps: SalesDeps): ResolvedSalesDeps {
  return {
    settings: deps.settings,
    completionHooks: deps.completionHooks ?? [],
    access: deps.access,
    catalog: deps.catalog ?? noScanLookup,
    recordStock: deps.recordStock ?? ledgerStock,
    openCashSession: deps.openCashSession ?? openSessionForTill,
  };
}
