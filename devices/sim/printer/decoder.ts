import iconv from 'iconv-lite';
import { EPSON_CODE_PAGES, type CjkEncoding } from './codepages.js';
import type { DecodedCommand, ParseStep } from './decoder-types.js';
import { alignOf, barcodeOf, ESC_STYLE, FS_STYLE, GS_STYLE, hex } from './decoder-tables.js';

export type { DecodedCommand } from './decoder-types.js';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/**
 * Our own ESC/POS decoder: turns the byte stream a printer receives into commands. Incremental, because
 * TCP delivers arbitrary chunks: feed() returns what is complete and keeps a partial command for the next
 * chunk. Text bytes are decoded back to Unicode with the active code page, or in CJK mode (FS &) with the
 * model's two-byte encoding. Anything it does not know is reported as 'unknown', never skipped silently.
 */
export class EscPosDecoder {
  private pending = Buffer.alloc(0);
  private codePage = 'cp437';
  private cjk: boolean;
  private qrData = '';

  /**
   * cjkDefaultOn: Chinese-market firmwares power on (and come out of ESC @) in two-byte mode, so bytes
   * above 0x7F are GB18030 or Big5 until FS . says otherwise.
   */
  constructor(
    private readonly cjkEncoding: CjkEncoding = 'gb18030',
    private readonly cjkDefaultOn = false,
  ) {
    this.cjk = cjkDefaultOn;
  }

  feed(chunk: Buffer): DecodedCommand[] {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: DecodedCommand[] = [];
    let i = 0;
    while (i < buf.length) {
      const step = this.step(buf, i, false);
      if (step === 'more') break;
      if (step.command) out.push(step.command);
      i = step.next;
    }
    this.pending = Buffer.from(buf.subarray(i));
    return out;
  }

  /** The end of the stream: a text run without a terminator is still text. */
  flush(): DecodedCommand[] {
    const buf = this.pending;
    this.pending = Buffer.alloc(0);
    const step = buf.length > 0 ? this.step(buf, 0, true) : 'more';
    return step !== 'more' && step.command ? [step.command] : [];
  }

  private step(buf: Buffer, i: number, atEnd: boolean): ParseStep {
    const b = buf[i] ?? 0;
    if (b === LF) return { command: { op: 'newline' }, next: i + 1 };
    if (b === ESC) return this.esc(buf, i);
    if (b === GS) return this.gs(buf, i);
    if (b === FS) return this.fs(buf, i);
    if (b === DLE) return this.dle(buf, i);
    if (b < 0x20) {
      // CR, HT, CAN and friends: CR is a no-op on line printers; others have no use on a receipt.
      return { command: b === 0x0d ? null : { op: 'unknown', hex: hex(buf, i, 1) }, next: i + 1 };
    }
    let end = i;
    while (end < buf.length && (buf[end] ?? 0) >= 0x20) end++;
    if (end === buf.length && !atEnd) return 'more';
    const encoding = this.cjk ? this.cjkEncoding : this.codePage;
    return {
      command: { op: 'text', text: iconv.decode(buf.subarray(i, end), encoding), encoding },
      next: end,
    };
  }

  private esc(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 2) return 'more';
    const c = buf[i + 1] ?? 0;
    const n = buf[i + 2];
    if (c === 0x40) {
      this.codePage = 'cp437';
      this.cjk = this.cjkDefaultOn;
      return { command: { op: 'init' }, next: i + 2 };
    }
    if (c === 0x69 || c === 0x6d) return { command: { op: 'cut', partial: c === 0x6d }, next: i + 2 };
    if (c === 0x32) return { command: { op: 'style', name: 'lineSpacing', value: 0 }, next: i + 2 };
    if (c === 0x70) {
      if (buf.length < i + 5) return 'more';
      const pin = (buf[i + 2] ?? 0) % 48 === 1 ? 5 : 2; // m = 0/48 pin 2, 1/49 pin 5
      const onMs = (buf[i + 3] ?? 0) * 2;
      const offMs = (buf[i + 4] ?? 0) * 2;
      return { command: { op: 'kick', pin, onMs, offMs }, next: i + 5 };
    }
    if (c === 0x24 || c === 0x5c) {
      if (buf.length < i + 4) return 'more';
      return { command: { op: 'style', name: 'other', value: 0 }, next: i + 4 };
    }
    if (c === 0x2a) return this.bitImage(buf, i);
    if (n === undefined) return 'more';
    const next = i + 3;
    if (c === 0x74) {
      const encoding = EPSON_CODE_PAGES[n] ?? null;
      if (encoding) this.codePage = encoding;
      return { command: { op: 'codepage', n, encoding }, next };
    }
    if (c === 0x61) return { command: { op: 'align', align: alignOf(n) }, next };
    if (c === 0x64) return { command: { op: 'feed', lines: n }, next };
    if (c === 0x4a) return { command: { op: 'feed', lines: 0 }, next };
    const style = ESC_STYLE[c];
    if (style) return { command: { op: 'style', name: style, value: n }, next };
    return { command: { op: 'unknown', hex: hex(buf, i, 2) }, next: i + 2 };
  }

  private bitImage(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 5) return 'more';
    const m = buf[i + 2] ?? 0;
    const width = (buf[i + 3] ?? 0) + (buf[i + 4] ?? 0) * 256;
    const size = m === 32 || m === 33 ? width * 3 : width;
    if (buf.length < i + 5 + size) return 'more';
    return {
      command: { op: 'raster', widthDots: width, heightDots: m >= 32 ? 24 : 8 },
      next: i + 5 + size,
    };
  }

  private gs(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 3) return 'more';
    const c = buf[i + 1] ?? 0;
    const n = buf[i + 2] ?? 0;
    if (c === 0x56) {
      // GS V m: m 0/1/48/49 cut now; 65/66 (and 97/98/103/104) feed n first.
      if (n >= 65) {
        if (buf.length < i + 4) return 'more';
        return { command: { op: 'cut', partial: n % 2 === 0 }, next: i + 4 };
      }
      return { command: { op: 'cut', partial: n % 2 === 1 }, next: i + 3 };
    }
    if (c === 0x61) return { command: { op: 'asb', mask: n }, next: i + 3 };
    if (c === 0x72) return { command: { op: 'status', n: 0x100 + n }, next: i + 3 };
    if (c === 0x6b) return this.barcode(buf, i);
    if (c === 0x28) return this.gsParen(buf, i);
    if (c === 0x76 && n === 0x30) return this.raster(buf, i);
    if (c === 0x4c || c === 0x57) {
      if (buf.length < i + 4) return 'more';
      return { command: { op: 'style', name: 'other', value: 0 }, next: i + 4 };
    }
    const style = GS_STYLE[c];
    if (style) return { command: { op: 'style', name: style, value: n }, next: i + 3 };
    return { command: { op: 'unknown', hex: hex(buf, i, 2) }, next: i + 2 };
  }

  private barcode(buf: Buffer, i: number): ParseStep {
    const m = buf[i + 2] ?? 0;
    if (m <= 6) {
      const end = buf.indexOf(0, i + 3);
      if (end < 0) return 'more';
      return { command: barcodeOf(m, buf.subarray(i + 3, end)), next: end + 1 };
    }
    if (buf.length < i + 4) return 'more';
    const len = buf[i + 3] ?? 0;
    if (buf.length < i + 4 + len) return 'more';
    return { command: barcodeOf(m, buf.subarray(i + 4, i + 4 + len)), next: i + 4 + len };
  }

  /** GS ( x pL pH ...: QR (GS ( k, cn 49) is understood; other functions are skipped by their length. */
  private gsParen(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 5) return 'more';
    const fnClass = buf[i + 2] ?? 0;
    const p = (buf[i + 3] ?? 0) + (buf[i + 4] ?? 0) * 256;
    const next = i + 5 + p;
    if (buf.length < next) return 'more';
    const body = buf.subarray(i + 5, next);
    if (fnClass !== 0x6b) return { command: { op: 'style', name: 'other', value: fnClass }, next };
    const cn = body[0];
    const fn = body[1];
    if (cn !== 49) return { command: null, next };
    if (fn === 80) this.qrData = body.subarray(3).toString('utf8');
    if (fn === 81) return { command: { op: 'qr', data: this.qrData }, next };
    return { command: null, next };
  }

  private raster(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 8) return 'more';
    const bytesWide = (buf[i + 4] ?? 0) + (buf[i + 5] ?? 0) * 256;
    const height = (buf[i + 6] ?? 0) + (buf[i + 7] ?? 0) * 256;
    const next = i + 8 + bytesWide * height;
    if (buf.length < next) return 'more';
    return { command: { op: 'raster', widthDots: bytesWide * 8, heightDots: height }, next };
  }

  private fs(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 2) return 'more';
    const c = buf[i + 1] ?? 0;
    if (c === 0x26 || c === 0x2e) {
      this.cjk = c === 0x26;
      return { command: { op: 'cjk', on: this.cjk }, next: i + 2 };
    }
    const style = FS_STYLE[c];
    if (style) {
      if (buf.length < i + 3) return 'more';
      return { command: { op: 'style', name: style, value: buf[i + 2] ?? 0 }, next: i + 3 };
    }
    return { command: { op: 'unknown', hex: hex(buf, i, 2) }, next: i + 2 };
  }

  private dle(buf: Buffer, i: number): ParseStep {
    if (buf.length < i + 3) return 'more';
    const c = buf[i + 1] ?? 0;
    const n = buf[i + 2] ?? 0;
    if (c === 0x04) return { command: { op: 'status', n }, next: i + 3 };
    if (c === 0x14) {
      // DLE DC4 1 m t: a drawer pulse in real time.
      if (buf.length < i + 5) return 'more';
      if (n === 1) {
        const pin = (buf[i + 3] ?? 0) === 1 ? 5 : 2;
        const ms = (buf[i + 4] ?? 1) * 100;
        return { command: { op: 'kick', pin, onMs: ms, offMs: ms }, next: i + 5 };
      }
      return { command: { op: 'unknown', hex: hex(buf, i, 5) }, next: i + 5 };
    }
    if (c === 0x05) return { command: null, next: i + 3 };
    return { command: { op: 'unknown', hex: hex(buf, i, 2) }, next: i + 2 };
  }
}
