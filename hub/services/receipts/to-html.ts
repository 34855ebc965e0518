// A receipt document as HTML for a phone screen and an e-mail: the same blocks the printer gets, every
// text escaped (product names, notes and store texts are other people's input). Codes for the paper
// (the QR that led here, the logo) are left out; the receipt code shows as text.
import { escapeHtml } from '../../domain/html-escape.js';
import type { ReceiptBlock, ReceiptDocument, TextStyle } from './document.js';

function classes(style: TextStyle, base: string): string {
  const names = [base, `size-${style.size ?? 'normal'}`];
  if (style.bold === true) names.push('bold');
  if (style.align !== undefined && style.align !== 'left') names.push(`align-${style.align}`);
  return names.join(' ');
}

function blockHtml(b: ReceiptBlock): string {
  switch (b.type) {
    case 'text':
      return `<p class="${classes(b.style, 'text')}">${escapeHtml(b.text)}</p>`;
    case 'pair':
      return `<div class="${classes(b.style, 'pair')}"><span>${escapeHtml(b.left)}</span><span class="amount">${escapeHtml(b.right)}</span></div>`;
    case 'rule':
      return b.char === '=' ? '<hr class="double">' : '<hr>';
    case 'barcode':
      return `<p class="text code align-center">${escapeHtml(b.data)}</p>`;
    case 'qr':
    case 'image':
    case 'feed':
      return '';
  }
}

/** The receipt as an HTML fragment (an <article>), styled by RECEIPT_CSS. */
export function receiptToHtml(doc: ReceiptDocument): string {
  const body = doc.blocks.map(blockHtml).filter((h) => h !== '');
  return `<article class="receipt${doc.copy ? ' copy' : ''}">\n${body.join('\n')}\n</article>`;
}

/** Styles for receipt fragments: a narrow paper-like card, amounts in tabular figures. */
export const RECEIPT_CSS = `
.receipt{background:#fff;color:#111;max-width:26rem;margin:0 auto;padding:1.25rem 1rem;
  border-radius:6px;box-shadow:0 1px 6px rgb(0 0 0 / .15);font-variant-numeric:tabular-nums}
.receipt p{margin:.15rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.receipt .pair{display:flex;justify-content:space-between;gap:1rem;margin:.15rem 0}
.receipt .pair span:first-child{white-space:pre-wrap;overflow-wrap:anywhere}
.receipt .amount{white-space:nowrap;text-align:right}
.receipt .bold{font-weight:700}
.receipt .size-double{font-size:1.5rem}
.receipt .size-wide{font-size:1.25rem}
.receipt .size-tall{font-size:1.2rem}
.receipt .align-center{text-align:center}
.receipt .align-right{text-align:right}
.receipt .code{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em}
.receipt hr{border:0;border-top:1px dashed #888;margin:.5rem 0}
.receipt hr.double{border-top:3px double #444}
`;
