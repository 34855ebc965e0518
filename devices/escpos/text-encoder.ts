// Unicode text -> printer bytes for one profile. Single-byte characters go through the profile's code
// pages (ESC t n switched only when the current page lacks a character, pages tried in the profile's
// order); wide CJK characters go through the printer's two-byte mode (FS & ... FS .) in GB18030 or Big5;
// anything else is transliterated first, so what is measured for layout is what gets printed.
import iconv from 'iconv-lite';
import type { CjkEncoding, CodePageName, PrinterProfile } from '../../firmware-profiles/schema.js';
import { LF, selectCodeTable, twoByteOff, twoByteOn } from './commands.js';
import { stripControls } from './sanitize.js';
import { transliterate } from './transliterate.js';
import { charWidth } from './width.js';

/** What text encoding needs of a profile (printers and pole displays alike). */
export type TextCapabilities = Pick<PrinterProfile, 'codePages'> & { cjk?: PrinterProfile['cjk'] };

const QUESTION = 0x3f;
const singleByteCache = new Map<string, number | null>();
const twoByteCache = new Map<string, Uint8Array | null>();

/** The character's byte in the page, or null when the page lacks it. */
export function singleByte(page: CodePageName, ch: string): number | null {
  const key = `${page}\u0000${ch}`;
  let hit = singleByteCache.get(key);
  if (hit === undefined) {
    const bytes = iconv.encode(ch, page);
    const b = bytes[0];
    hit = bytes.length === 1 && b !== undefined && (b !== QUESTION || ch === '?') ? b : null;
    singleByteCache.set(key, hit);
  }
  return hit;
}

/** The character's two bytes in the CJK encoding (lead byte >= 0x81), or null (absent, or GB18030's 4-byte form). */
export function twoBytes(encoding: CjkEncoding, ch: string): Uint8Array | null {
  const key = `${encoding}\u0000${ch}`;
  let hit = twoByteCache.get(key);
  if (hit === undefined) {
    const bytes = iconv.encode(ch, encoding);
    const lead = bytes[0];
    hit = bytes.length === 2 && lead !== undefined && lead >= 0x81 ? Uint8Array.from(bytes) : null;
    twoByteCache.set(key, hit);
  }
  return hit;
}

function printableAsIs(ch: string, caps: TextCapabilities): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === '\n' || (cp >= 0x20 && cp < 0x7f)) return true;
  if (caps.cjk && charWidth(ch) === 2 && twoBytes(caps.cjk.encoding, ch) !== null) return true;
  return caps.codePages.some((p) => singleByte(p.name, ch) !== null);
}

/**
 * The text as this printer will print it: control characters stripped, then every character the profile
 * cannot print replaced by its transliteration (or "?"). Measure and wrap this, then encode it.
 */
export function toPrintable(text: string, caps: TextCapabilities): string {
  let out = '';
  for (const ch of stripControls(text)) {
    if (printableAsIs(ch, caps)) out += ch;
    else for (const t of transliterate(ch)) out += printableAsIs(t, caps) ? t : '?';
  }
  return out;
}

/**
 * Stateful across calls because the printer is: it remembers the selected code table and whether the
 * two-byte mode is on. `reset()` after ESC @ says what the printer's state now is.
 */
export class EscposTextEncoder {
  private table: number | null = null;
  private twoByte: boolean;

  constructor(private readonly caps: TextCapabilities) {
    this.twoByte = caps.cjk?.defaultOn ?? false;
  }

  /** After ESC @: code table 0 and the two-byte mode as the firmware powers on (null: not known). */
  reset(twoByteMode: boolean, table: number | null = 0): void {
    this.twoByte = twoByteMode;
    this.table = table;
  }

  encode(text: string): Uint8Array {
    const out: number[] = [];
    const push = (bytes: Uint8Array): void => {
      for (const b of bytes) out.push(b);
    };
    for (const ch of toPrintable(text, this.caps)) {
      const cp = ch.codePointAt(0) ?? QUESTION;
      if (ch === '\n') out.push(LF);
      else if (cp < 0x7f) out.push(cp);
      else if (!this.wide(ch, push)) this.single(ch, out, push);
    }
    return Uint8Array.from(out);
  }

  private wide(ch: string, push: (b: Uint8Array) => void): boolean {
    const cjk = this.caps.cjk;
    if (!cjk || charWidth(ch) !== 2) return false;
    const bytes = twoBytes(cjk.encoding, ch);
    if (bytes === null) return false;
    if (!this.twoByte) {
      push(twoByteOn());
      this.twoByte = true;
    }
    push(bytes);
    return true;
  }

  private single(ch: string, out: number[], push: (b: Uint8Array) => void): void {
    const current = this.caps.codePages.find((p) => p.escposTable === this.table);
    let page = current && singleByte(current.name, ch) !== null ? current : undefined;
    page ??= this.caps.codePages.find((p) => singleByte(p.name, ch) !== null);
    if (this.twoByte) {
      push(twoByteOff());
      this.twoByte = false;
    }
    const b = page === undefined ? null : singleByte(page.name, ch);
    if (page === undefined || b === null) {
      out.push(QUESTION);
      return;
    }
    if (page.escposTable !== this.table) {
      push(selectCodeTable(page.escposTable));
      this.table = page.escposTable;
    }
    out.push(b);
  }
}
