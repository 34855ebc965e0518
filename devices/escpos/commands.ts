// ESC/POS command bytes, one function per command (Epson ESC/POS reference numbering). Pure: each returns
// a fresh Uint8Array and never looks at a profile; the builder decides which to send.
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;
export const LF = 0x0a;

function byte(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`${name} must be a byte, got ${n}`);
  return n;
}

/** ESC @: clears the buffer and resets modes (code table 0, alignment left, sizes normal). */
export const init = (): Uint8Array => Uint8Array.of(ESC, 0x40);

/** ESC t n: selects the single-byte character code table. */
export const selectCodeTable = (n: number): Uint8Array => Uint8Array.of(ESC, 0x74, byte(n, 'code table'));

/** FS &: enters the two-byte (Kanji / Chinese) character mode. */
export const twoByteOn = (): Uint8Array => Uint8Array.of(FS, 0x26);

/** FS .: leaves the two-byte character mode. */
export const twoByteOff = (): Uint8Array => Uint8Array.of(FS, 0x2e);

/** FS C n: selects the Kanji code system (Japanese models: 0 JIS, 1 Shift JIS, 2 Shift JIS-2004). */
export const kanjiCodeSystem = (n: number): Uint8Array => Uint8Array.of(FS, 0x43, byte(n, 'code system'));

export type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** ESC a n */
export const align = (a: Align): Uint8Array => Uint8Array.of(ESC, 0x61, ALIGN[a]);

/** ESC E n */
export const bold = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x45, on ? 1 : 0);

/** ESC - n: underline (1 dot). */
export const underline = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x2d, on ? 1 : 0);

/** ESC M n: Font A (0) or Font B (1). */
export const font = (f: 'a' | 'b'): Uint8Array => Uint8Array.of(ESC, 0x4d, f === 'a' ? 0 : 1);

/** GS ! n: width and height multipliers 1..8 (applies to single- and two-byte characters). */
export function charSize(width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || width < 1 || width > 8) throw new RangeError(`width ${width} not in 1..8`);
  if (!Number.isInteger(height) || height < 1 || height > 8)
    throw new RangeError(`height ${height} not in 1..8`);
  return Uint8Array.of(GS, 0x21, ((width - 1) << 4) | (height - 1));
}

/** ESC d n: prints the buffer and feeds n lines. */
export const feedLines = (n: number): Uint8Array => Uint8Array.of(ESC, 0x64, byte(n, 'lines'));

/** GS V 65/66 n: feeds to the cutter (plus n dots) and cuts, full (65) or partial (66). */
export const cut = (mode: 'full' | 'partial', feedDots = 0): Uint8Array =>
  Uint8Array.of(GS, 0x56, mode === 'full' ? 0x41 : 0x42, byte(feedDots, 'feed dots'));

/**
 * ESC p m t1 t2: drawer kick pulse. m = 0 drives connector pin 2, m = 1 pin 5; on/off time in 2 ms units,
 * so milliseconds are halved (rounded up, at most 255 units).
 */
export function drawerKick(pin: 2 | 5, onMs: number, offMs: number): Uint8Array {
  const units = (ms: number, name: string): number => byte(Math.min(255, Math.ceil(ms / 2)), name);
  return Uint8Array.of(ESC, 0x70, pin === 2 ? 0 : 1, units(onMs, 'on time'), units(offMs, 'off time'));
}

/** DLE EOT n: real-time status (1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export const statusRequest = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(DLE, EOT, n);

/** GS a n: automatic status back; n is the bit mask (0 off, 0xff everything the model supports). */
export const automaticStatusBack = (mask: number): Uint8Array =>
  Uint8Array.of(GS, 0x61, byte(mask, 'ASB mask'));

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const QR_LEVEL: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

function gsParen(fn: number, params: Uint8Array): Uint8Array {
  const len = params.length + 2; // cn + fn + parameters
  if (len > 0xffff) throw new RangeError('GS ( k data too long');
  return Uint8Array.from([GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, fn, ...params]);
}

/**
 * GS ( k, cn 49 (QR): model 2 (fn 65), module size (fn 67), error level (fn 69), store the data (fn 80,
 * m = 48) and print it (fn 81).
 */
export function qrCode(data: Uint8Array, size = 6, level: QrErrorLevel = 'M'): Uint8Array {
  if (data.length === 0 || data.length > 7089) throw new RangeError('QR data must be 1..7089 bytes');
  if (!Number.isInteger(size) || size < 1 || size > 16) throw new RangeError('QR module size must be 1..16');
  return concat([
    gsParen(65, Uint8Array.of(50, 0)),
    gsParen(67, Uint8Array.of(size)),
    gsParen(69, Uint8Array.of(QR_LEVEL[level])),
    gsParen(80, Uint8Array.from([48, ...data])),
    gsParen(81, Uint8Array.of(48)),
  ]);
}

export type HriPosition = 'none' | 'above' | 'below' | 'both';
const HRI: Record<HriPosition, number> = { none: 0, above: 1, below: 2, both: 3 };

export interface BarcodeOptions {
  /** Module width in dots, 2..6. */
  width?: number;
  /** Bar height in dots. */
  height?: number;
  hri?: HriPosition;
}

/**
 * GS k m=73 n d...: Code 128 (function B) with GS H (HRI position), GS h (height) and GS w (width) first.
 * Printable ASCII uses code set B ("{B"); an even-length all-digit text uses code set C ("{C", two digits
 * per byte) which is half as wide. A "{" in the data is sent as "{{".
 */
export function code128(text: string, options: BarcodeOptions = {}): Uint8Array {
  if (!/^[\x20-\x7e]{1,200}$/.test(text))
    throw new RangeError('Code 128 text must be 1..200 printable ASCII');
  let payload: number[];
  if (/^(\d\d){2,}$/.test(text)) {
    payload = [0x7b, 0x43];
    for (let i = 0; i < text.length; i += 2) payload.push(Number(text.slice(i, i + 2)));
  } else {
    payload = [0x7b, 0x42];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      payload.push(c);
      if (c === 0x7b) payload.push(0x7b);
    }
  }
  if (payload.length > 255) throw new RangeError('Code 128 data too long');
  const width = options.width ?? 2;
  if (width < 2 || width > 6) throw new RangeError('Barcode module width must be 2..6');
  return Uint8Array.from([
    ...[GS, 0x48, HRI[options.hri ?? 'below']],
    ...[GS, 0x68, byte(options.height ?? 80, 'barcode height')],
    ...[GS, 0x77, width],
    ...[GS, 0x6b, 73, payload.length, ...payload],
  ]);
}

/** A 1-bit image: rows of ceil(width / 8) bytes, most significant bit leftmost, 1 = black. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** GS v 0 m xL xH yL yH d...: a raster bit image at normal density (m = 0). */
export function rasterImage(image: Bitmap): Uint8Array {
  const rowBytes = Math.ceil(image.width / 8);
  if (image.width < 1 || image.height < 1 || image.height > 2303 || rowBytes > 255) {
    throw new RangeError('Raster image must be 1..2040 dots wide and 1..2303 dots high');
  }
  if (image.data.length !== rowBytes * image.height) {
    throw new RangeError(`Raster data must be ${rowBytes * image.height} bytes, got ${image.data.length}`);
  }
  const header = Uint8Array.of(
    GS,
    0x76,
    0x30,
    0,
    rowBytes & 0xff,
    rowBytes >> 8,
    image.height & 0xff,
    image.height >> 8,
  );
  return concat([header, image.data]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
