import { Resvg } from '@resvg/resvg-js';
import { SYSTEM_FONTS, type ReceiptFonts } from './fonts.js';
import { isWide, type ReceiptLine, type SimReceipt } from './receipt.js';

const CHAR_PX = 12; // half of the 24 px font: one column, as a 12x24 printer font
const LINE_PX = 30;
const MARGIN = 16;
const FONT_PX = 24;
/**
 * Monospace Latin fonts advance 0.6 em (DejaVu Sans Mono 0.602): squeezed to one 12 px column. CJK
 * ideographs advance 1 em, two columns, as they are.
 */
const LATIN_SCALE_X = CHAR_PX / (0.6 * FONT_PX);

/** What a receipt image is drawn from: its lines (the rest of a receipt is not drawn). */
export type ReceiptImageSource = Pick<SimReceipt, 'lines'>;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

interface Run {
  text: string;
  /** Column where the run starts, in the line's own (unmagnified) columns. */
  col: number;
  wide: boolean;
}

/** The line cut into runs of one-column and two-column characters, each with its starting column. */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let col = 0;
  for (const ch of text) {
    const wide = isWide(ch.codePointAt(0) ?? 0);
    const last = runs.at(-1);
    if (last?.wide === wide) last.text += ch;
    else runs.push({ text: ch, col, wide });
    col += wide ? 2 : 1;
  }
  return runs;
}

function lineSvg(line: ReceiptLine, x: number, baseline: number, fonts: ReceiptFonts): string[] {
  const weight = line.bold ? 'bold' : 'normal';
  return runsOf(line.text)
    .filter((run) => run.text.trim() !== '')
    .map((run) => {
      const runX = x + run.col * CHAR_PX * line.width;
      const scaleX = run.wide ? line.width : line.width * LATIN_SCALE_X;
      const family = run.wide ? fonts.cjkFamily : fonts.latinFamily;
      return `<text x="0" y="0" transform="translate(${runX} ${baseline}) scale(${scaleX} ${line.height})" font-family="${family}" font-weight="${weight}" font-size="${FONT_PX}" xml:space="preserve">${escapeXml(run.text)}</text>`;
    });
}

/**
 * The receipt as an SVG of monospace lines on paper-white, so a person can look at what the printer
 * would have printed. Every run of characters sits on the printer's column grid: one-column runs in the
 * Latin font, two-column (CJK) runs in the CJK font. QR codes and barcodes are labelled boxes: the
 * payload matters here, not the modules.
 */
export function receiptSvg(
  receipt: ReceiptImageSource,
  columns: number,
  fonts: ReceiptFonts = SYSTEM_FONTS,
): string {
  const widthPx = columns * CHAR_PX + 2 * MARGIN;
  let y = MARGIN;
  const parts: string[] = [];
  for (const line of receipt.lines) {
    const scaleY = line.height;
    const boxed = /^\[(QR|BARCODE|IMAGE) /.test(line.text);
    if (boxed) {
      parts.push(
        `<rect x="${MARGIN}" y="${y + 4}" width="${widthPx - 2 * MARGIN}" height="${LINE_PX * 2 - 8}" fill="none" stroke="#000" stroke-dasharray="6 4"/>`,
        `<text x="${widthPx / 2}" y="${y + LINE_PX + 8}" text-anchor="middle" font-family="${fonts.latinFamily}, ${fonts.cjkFamily}" font-size="20">${escapeXml(line.text)}</text>`,
      );
      y += LINE_PX * 2;
      continue;
    }
    const cols = columnsOfLine(line);
    const room = Math.max(0, columns - cols);
    const pad = line.align === 'center' ? Math.floor(room / 2) : line.align === 'right' ? room : 0;
    y += LINE_PX * scaleY;
    parts.push(...lineSvg(line, MARGIN + pad * CHAR_PX, y - 6, fonts));
  }
  const heightPx = y + MARGIN + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}">`,
    `<rect width="100%" height="100%" fill="#fffef8"/>`,
    `<g fill="#111">`,
    ...parts,
    `</g>`,
    `<line x1="0" y1="${heightPx - 4}" x2="${widthPx}" y2="${heightPx - 4}" stroke="#999" stroke-dasharray="4 4"/>`,
    `</svg>`,
  ].join('\n');
}

function columnsOfLine(line: ReceiptLine): number {
  let cols = 0;
  for (const ch of line.text) cols += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return cols * line.width;
}

/**
 * PNG bytes of the receipt. Synchronous and CPU-bound (tens of milliseconds with fonts from
 * findReceiptFonts, seconds with every system font): the simulator calls it in its worker thread only.
 */
export function receiptPng(
  receipt: ReceiptImageSource,
  columns: number,
  fonts: ReceiptFonts = SYSTEM_FONTS,
): Buffer {
  const resvg = new Resvg(receiptSvg(receipt, columns, fonts), {
    font: {
      loadSystemFonts: fonts.loadSystemFonts,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.latinFamily.split(',')[0]?.replace(/'/g, '').trim() ?? 'monospace',
    },
    background: '#fffef8',
  });
  return resvg.render().asPng();
}
