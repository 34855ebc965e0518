import type { TenderKindColumn } from '../../../db/payments-queries.js';

/** Every label a receipt, report or test page prints; one table per language. */
export interface Messages {
  subtotal: string;
  discount: string;
  /** Tax, e.g. "VAT" / "Moms"; a rate follows it. */
  tax: string;
  /** "of" in "VAT 25 % of 80.00". */
  taxBase: string;
  total: string;
  rounding: string;
  toPay: string;
  paid: string;
  change: string;
  tendered: string;
  receiptNo: string;
  thankYou: string;
  copy: string;
  refund: string;
  originalReceipt: string;
  tender: Record<TenderKindColumn, string>;
  xReport: string;
  zReport: string;
  till: string;
  openedAt: string;
  takenAt: string;
  sales: string;
  returns: string;
  netSales: string;
  voidedSales: string;
  noSales: string;
  tenders: string;
  taxes: string;
  float: string;
  cashSales: string;
  cashRefunds: string;
  payIns: string;
  payOuts: string;
  expectedCash: string;
  counted: string;
  difference: string;
  grandTotal: string;
  grandReturns: string;
  /** The figure before this Z report. */
  previous: string;
  testPage: string;
  columns: string;
  /** The page and e-mail title word: "Receipt". */
  receipt: string;
  /** First line of an e-mailed receipt. */
  emailIntro: string;
  /** Link text to the receipt's web page in an e-mail. */
  viewOnline: string;
  /** A test mail from the settings page: its subject and its one line. */
  testMailSubject: string;
  testMailText: string;
  /** The public receipt page when the code or its token is wrong. */
  receiptNotFound: string;
  receiptNotFoundHint: string;
}
