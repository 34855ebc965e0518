import { Resvg } from '@resvg/resvg-js';
import { columnsOf, type SimReceipt } from './receipt.js';

const CHAR_PX = 12; // half of the 24 px font: one column, as a 12x24 printer font
const LINE_PX = 30;
const MARGIN = 16;
const FONT = "'Noto Sans Mono CJK SC', 'Noto Sans Mono CJK TC', 'DejaVu Sans Mono', monospace";

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The receipt as an SVG of monospace lines on paper-white, so a person can look at what the printer
 * would have printed. QR codes and barcodes are labelled boxes: the payload matters here, not the modules.
 */
export function receiptSvg(receipt: SimReceipt, columns: number): string {
  const widthPx = columns * CHAR_PX + 2 * MARGIN;
  let y = MARGIN;
  const parts: string[] = [];
  for (const line of receipt.lines) {
    const scaleY = line.height;
    const boxed = /^\[(QR|BARCODE|IMAGE) /.test(line.text);
    if (boxed) {
      parts.push(
        `<rect x="${MARGIN}" y="${y + 4}" width="${widthPx - 2 * MARGIN}" height="${LINE_PX * 2 - 8}" fill="none" stroke="#000" stroke-dasharray="6 4"/>`,
        `<text x="${widthPx / 2}" y="${y + LINE_PX + 8}" text-anchor="middle" font-size="20">${escapeXml(line.text)}</text>`,
      );
      y += LINE_PX * 2;
      continue;
    }
    const cols = columnsOf(line.text) * line.width;
    const room = Math.max(0, columns - cols);
    const pad = line.align === 'center' ? Math.floor(room / 2) : line.align === 'right' ? room : 0;
    y += LINE_PX * scaleY;
    const x = MARGIN + pad * CHAR_PX;
    const weight = line.bold ? 'bold' : 'normal';
    parts.push(
      `<text x="0" y="0" transform="translate(${x} ${y - 6}) scale(${line.width} ${scaleY})" font-weight="${weight}" font-size="24" xml:space="preserve">${escapeXml(line.text)}</text>`,
    );
  }
  const heightPx = y + MARGIN + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}">`,
    `<rect width="100%" height="100%" fill="#fffef8"/>`,
    `<g font-family="${FONT}" fill="#111">`,
    ...parts,
    `</g>`,
    `<line x1="0" y1="${heightPx - 4}" x2="${widthPx}" y2="${heightPx - 4}" stroke="#999" stroke-dasharray="4 4"/>`,
    `</svg>`,
  ].join('\n');
}

/** PNG bytes of the receipt, with the system fonts (Noto CJK for Chinese) loaded by resvg. */
export function receiptPng(receipt: SimReceipt, columns: number): Buffer {
  const resvg = new Resvg(receiptSvg(receipt, columns), {
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans Mono CJK SC' },
    background: '#fffef8',
  });
  return resvg.render().asPng();
}
