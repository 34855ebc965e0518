// Receipts: sale and return receipts, X/Z reports and printer test pages as device-independent documents,
// laid out and encoded for a printer profile.
export type { ReceiptBlock, ReceiptDocument, ReceiptKind, TextSize, TextStyle } from './document.js';
export { renderReceipt } from './render-sale.js';
export type { RenderReceiptOptions } from './render-sale.js';
export { renderCashReport } from './render-cash-report.js';
export type { RenderCashReportOptions } from './render-cash-report.js';
export { renderTestPage } from './render-test-page.js';
export { receiptToEscpos } from './to-escpos.js';
export { receiptToText } from './to-text.js';
export { layoutReceipt } from './layout.js';
export type { LaidOutLine } from './layout.js';
export { makeReceiptToken, verifyReceiptToken, receiptUrl } from './receipt-token.js';
export { createFormatter, scaledDecimal } from './format.js';
export type { Formatter } from './format.js';
export { messagesFor, RECEIPT_LANGUAGES } from './messages/index.js';
export type { Messages } from './messages/index.js';
