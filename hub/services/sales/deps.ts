import type { Permission } from '../../contract/permissions.js';
import type { Authorization, OverrideInput, Principal } from '../../contract/principal.js';
import type { Db } from '../../db/connection.js';
import type { Tx } from '../../db/transactor.js';
import type { TaxMode } from '../../domain/tax.js';
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

export interface SalesDeps {
  settings: SettingsReader;
  access: Authorizer;
  recordStock?: StockRecorder;
  openCashSession?: OpenCashSessionLookup;
}

export const ledgerStock: StockRecorder = (tx, movements, staffId) => {
  recordStockMovements(tx, movements, staffId);
};

export interface ResolvedSalesDeps {
  settings: SettingsReader;
  access: Authorizer;
  recordStock: StockRecorder;
  openCashSession: OpenCashSessionLookup;
}

export function resolveSalesDeps(deps: SalesDeps): ResolvedSalesDeps {
  return {
    settings: deps.settings,
    access: deps.access,
    recordStock: deps.recordStock ?? ledgerStock,
    openCashSession: deps.openCashSession ?? openSessionForTill,
  };
}
