import type { CashCountInput, DenominationCount } from '../../domain/cash-count.js';
import type { OverrideInput } from '../../contract/principal.js';

export interface CashSessionView {
  id: string;
  tillId: string;
  status: 'open' | 'closed';
  currency: string;
  openedBy: string;
  openedAt: string;
  floatMinor: number;
  floatCounts: DenominationCount[] | null;
  closedBy: string | null;
  closedAt: string | null;
  expectedMinor: number | null;
  countedMinor: number | null;
  differenceMinor: number | null;
  zNumber: number | null;
}

/** The store currency's notes and coins, largest first (see domain/denominations.ts). */
export interface CashDenominations {
  currency: string;
  denominations: {
    valueMinor: number;
    kind: 'note' | 'coin';
    /** The same value also issued in the other form (counted together). */
    alsoIssuedAs: 'note' | 'coin' | null;
    /** false: legal tender the store's cash rounding makes pointless; the till may hide it. */
    circulates: boolean;
  }[];
}

export type ManualMovementKind = 'pay_in' | 'pay_out' | 'no_sale';

export interface CashMovementView {
  id: string;
  sessionId: string;
  kind: ManualMovementKind;
  /** Signed as it moves the drawer: pay-in positive, pay-out negative, no-sale 0. */
  amountMinor: number;
  reason: string;
  staffId: string;
  approvedBy: string | null;
  at: string;
}

/** The float, counted by denomination or as a total, with a UUIDv7 made by the till (a retry never opens twice). */
export type OpenSessionInput = CashCountInput & { id: string; override?: OverrideInput | null };

export interface MovementInput {
  /** UUIDv7 made by the till: the same movement sent twice is recorded once. */
  id: string;
  kind: ManualMovementKind;
  /** Positive for pay-in and pay-out (the kind gives the sign); 0 or absent for a no-sale. */
  amountMinor?: number;
  reason: string;
  override?: OverrideInput | null;
}

export type CloseSessionInput = CashCountInput & { override?: OverrideInput | null };

export interface CountFigure {
  count: number;
  amountMinor: number;
}

export interface TenderFigures {
  tenderId: string;
  tenderKind: string;
  name: string;
  charges: CountFigure;
  refunds: CountFigure;
  /** charges - refunds */
  netMinor: number;
}

export interface TaxFigures {
  rateBp: number;
  /** Excluding tax. Returns are subtracted, so these are the session's net figures per rate. */
  baseMinor: number;
  taxMinor: number;
  grossMinor: number;
}

/** Everything an X report shows; a Z report is these figures frozen at close plus its own fields. */
export interface CashReportFigures {
  sessionId: string;
  tillId: string;
  currency: string;
  openedBy: string;
  openedAt: string;
  /** When the figures were taken: now for an X report, the close for a Z report. */
  takenAt: string;
  sales: CountFigure;
  returns: CountFigure;
  /** sales - returns */
  netSalesMinor: number;
  tenders: TenderFigures[];
  taxes: TaxFigures[];
  /** Discounts given on sales minus those taken back by returns. */
  discountsMinor: number;
  /** Cash rounding on sales minus on returns (positive: customers paid more than the exact totals). */
  roundingMinor: number;
  voidedSalesCount: number;
  noSaleCount: number;
  payIns: CountFigure;
  /** amountMinor is positive: the money that left the drawer. */
  payOuts: CountFigure;
  floatMinor: number;
  /** Cash kept from sales less cash refunded, as the movement ledger has it. */
  cashSalesMinor: number;
  cashRefundsMinor: number;
  /** The sum of the session's movement ledger. */
  expectedCashMinor: number;
}

export interface XReport extends CashReportFigures {
  kind: 'x';
}

export interface ZReport extends CashReportFigures {
  kind: 'z';
  number: number;
  closedBy: string;
  approvedBy: string | null;
  countedMinor: number;
  differenceMinor: number;
  counts: DenominationCount[] | null;
  previousGrandTotalMinor: number;
  grandTotalMinor: number;
  previousGrandReturnsMinor: number;
  grandReturnsMinor: number;
}

export interface StoredZReport extends ZReport {
  journalSeq: number;
}
