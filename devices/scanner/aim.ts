/**
 * AIM symbology identifiers (ISO/IEC 15424): a scanner set to send them prefixes each scan with "]" + a
 * symbology letter + a modifier, e.g. ]E0 EAN-13/UPC-A, ]E4 EAN-8, ]C1 GS1-128, ]e0 GS1 DataBar,
 * ]d2 GS1 DataMatrix, ]Q3 GS1 QR Code, ]A0 Code 39, ]I0 ITF. The hub's barcode decoder needs to know GS1
 * symbologies, so the prefix travels separately from the data. GS (0x1D) inside the data is the FNC1
 * separator of GS1 element strings and is kept.
 */
const AIM = /^\][A-Za-z][0-9A-Za-z]/;

export interface Scan {
  symbology: string | null;
  data: string;
}

export function splitAim(text: string, detect: boolean): Scan {
  if (detect && AIM.test(text)) return { symbology: text.slice(0, 3), data: text.slice(3) };
  return { symbology: null, data: text };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Most scanners send ASCII; QR codes may carry UTF-8. Anything else is read byte for byte (latin1). */
export function decodeScanBytes(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

export function parseScanFrame(frame: Buffer, detectAim: boolean): Scan {
  return splitAim(decodeScanBytes(frame), detectAim);
}
