// A chainable ESC/POS document for one printer profile. Pure: it only collects bytes; `build()` returns
// them. Features the profile lacks degrade to something printable (a QR code becomes its text, a barcode
// its digits, no cutter means a feed) instead of sending commands the printer would print as garbage.
import type { PrinterProfile } from '../../firmware-profiles/schema.js';
import * as cmd from './commands.js';
import type { Align, BarcodeOptions, Bitmap, QrErrorLevel } from './commands.js';
import { EscposTextEncoder } from './text-encoder.js';

export class EscposBuilder {
  private readonly parts: Uint8Array[] = [];
  private readonly encoder: EscposTextEncoder;

  constructor(readonly profile: PrinterProfile) {
    this.encoder = new EscposTextEncoder(profile);
  }

  /** ESC @, then a known text state: two-byte mode left on Chinese firmwares, FS C set on Japanese ones. */
  init(): this {
    this.parts.push(cmd.init());
    const cjk = this.profile.cjk;
    if (cjk?.mode === 'fs-c-and' && cjk.fsC !== null) this.parts.push(cmd.kanjiCodeSystem(cjk.fsC));
    if (cjk?.defaultOn === true) this.parts.push(cmd.twoByteOff());
    this.encoder.reset(false, 0);
    return this;
  }

  /** Text without a line feed; control characters are stripped and unprintable ones transliterated. */
  text(text: string): this {
    this.parts.push(this.encoder.encode(text));
    return this;
  }

  /** Text and a line feed. */
  line(text = ''): this {
    this.text(text);
    this.parts.push(Uint8Array.of(cmd.LF));
    return this;
  }

  align(a: Align): this {
    this.parts.push(cmd.align(a));
    return this;
  }

  bold(on: boolean): this {
    this.parts.push(cmd.bold(on));
    return this;
  }

  underline(on: boolean): this {
    this.parts.push(cmd.underline(on));
    return this;
  }

  font(f: 'a' | 'b'): this {
    this.parts.push(cmd.font(f));
    return this;
  }

  size(width: 1 | 2, height: 1 | 2): this {
    this.parts.push(cmd.charSize(width, height));
    return this;
  }

  feed(lines = 1): this {
    this.parts.push(cmd.feedLines(lines));
    return this;
  }

  /** A QR code (model 2) of the text as UTF-8, or the text itself on a printer without QR. */
  qr(data: string, options: { size?: number; level?: QrErrorLevel } = {}): this {
    if (!this.profile.qr) return this.line(data);
    this.parts.push(cmd.qrCode(Buffer.from(data, 'utf8'), options.size ?? 6, options.level ?? 'M'));
    return this;
  }

  /** A Code 128 barcode with its human-readable text, or the text alone when the model lacks Code 128. */
  code128(data: string, options: BarcodeOptions = {}): this {
    if (!this.profile.barcodes.includes('code128')) return this.line(data);
    this.parts.push(cmd.code128(data, options));
    return this;
  }

  /** A raster image (GS v 0); skipped on a model without raster graphics. Wider than the paper throws. */
  image(bitmap: Bitmap): this {
    if (!this.profile.raster) return this;
    if (bitmap.width > this.profile.printableDots) {
      throw new RangeError(
        `Image is ${bitmap.width} dots wide; ${this.profile.id} prints ${this.profile.printableDots}`,
      );
    }
    this.parts.push(cmd.rasterImage(bitmap));
    return this;
  }

  /** Feeds past the tear bar and cuts as the model can (partial preferred); without a cutter only feeds. */
  cut(): this {
    const mode = this.profile.cutter;
    if (mode === null) return this.feed(4);
    this.parts.push(cmd.cut(mode, 0));
    return this;
  }

  /** The drawer pulse on a pin the model has wired (default: its first); throws for an unwired pin. */
  kick(pin?: 2 | 5): this {
    const chosen = pin ?? this.profile.drawerPins[0];
    if (chosen === undefined || !this.profile.drawerPins.includes(chosen)) {
      throw new RangeError(`${this.profile.id} has no drawer kick on pin ${String(chosen ?? 'any')}`);
    }
    const { on, off } = this.profile.drawerPulseMs;
    this.parts.push(cmd.drawerKick(chosen, on, off));
    return this;
  }

  /** Bytes as they are (status requests, vendor commands). */
  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }

  build(): Uint8Array {
    return cmd.concat(this.parts);
  }
}
