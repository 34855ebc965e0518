import type { DecodedCommand } from './decoder-types.js';

export interface ReceiptLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  /** Character magnification from GS ! (1 = normal). */
  width: number;
  height: number;
}

/** What one cut of paper carried: its lines, its commands in order, and the marks a person would see. */
export interface SimReceipt {
  index: number;
  lines: ReceiptLine[];
  commands: DecodedCommand[];
  qr: string[];
  barcodes: string[];
  partialCut: boolean;
}

/**
 * Lays decoded commands out as a receipt the way a printer would: text runs join into lines at LF, the
 * alignment and emphasis active when a line starts printing apply to it, and a cut ends the receipt.
 */
export class ReceiptBuilder {
  private lines: ReceiptLine[] = [];
  private commands: DecodedCommand[] = [];
  private qr: string[] = [];
  private barcodes: string[] = [];
  private current = '';
  private align: ReceiptLine['align'] = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private count = 0;

  /** Adds a command; returns the finished receipt when it was a cut. */
  add(command: DecodedCommand): SimReceipt | null {
    this.commands.push(command);
    switch (command.op) {
      case 'init':
        this.align = 'left';
        this.bold = false;
        this.width = 1;
        this.height = 1;
        return null;
      case 'text':
        this.current += command.text;
        return null;
      case 'newline':
        this.endLine();
        return null;
      case 'align':
        this.align = command.align;
        return null;
      case 'feed':
        this.endLine();
        for (let k = 1; k < command.lines; k++) this.push('');
        return null;
      case 'style':
        this.style(command.name, command.value);
        return null;
      case 'qr':
        this.endLine();
        this.qr.push(command.data);
        this.push(`[QR ${command.data}]`);
        return null;
      case 'barcode':
        this.endLine();
        this.barcodes.push(command.data);
        this.push(`[BARCODE ${command.data}]`);
        return null;
      case 'raster':
        this.endLine();
        this.push(`[IMAGE ${command.widthDots}x${command.heightDots}]`);
        return null;
      case 'cut':
        return this.finish(command.partial);
      default:
        return null;
    }
  }

  /** Whether anything printable has arrived since the last cut (a kick alone is not a receipt). */
  get hasContent(): boolean {
    return this.lines.length > 0 || this.current.length > 0;
  }

  finish(partial: boolean): SimReceipt {
    this.endLine();
    const receipt: SimReceipt = {
      index: ++this.count,
      lines: this.lines,
      commands: this.commands,
      qr: this.qr,
      barcodes: this.barcodes,
      partialCut: partial,
    };
    this.lines = [];
    this.commands = [];
    this.qr = [];
    this.barcodes = [];
    return receipt;
  }

  private style(name: string, value: number): void {
    if (name === 'bold') this.bold = value % 2 === 1;
    if (name === 'mode') {
      this.bold = (value & 0x08) !== 0;
      this.width = (value & 0x20) !== 0 ? 2 : 1;
      this.height = (value & 0x10) !== 0 ? 2 : 1;
    }
    if (name === 'size') {
      this.width = ((value >> 4) & 0x07) + 1;
      this.height = (value & 0x07) + 1;
    }
  }

  private endLine(): void {
    if (this.current.length === 0) return;
    this.push(this.current);
    this.current = '';
  }

  private push(text: string): void {
    this.lines.push({ text, align: this.align, bold: this.bold, width: this.width, height: this.height });
  }
}

/** Display width in columns: CJK and full-width forms take two, as on the printer. */
export function columnsOf(text: string): number {
  let cols = 0;
  for (const ch of text) cols += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return cols;
}

/** Whether a code point takes two columns on the printer (CJK, Hangul, full-width forms). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  );
}

/** The receipt as plain text at the paper's column count, aligned as printed. */
export function receiptText(receipt: SimReceipt, columns: number): string {
  return receipt.lines
    .map((line) => {
      const room = Math.floor(columns / line.width) - columnsOf(line.text);
      if (room <= 0 || line.align === 'left' || line.text === '') return line.text;
      const pad = line.align === 'center' ? Math.floor(room / 2) : room;
      return ' '.repeat(pad) + line.text;
    })
    .join('\n');
}
