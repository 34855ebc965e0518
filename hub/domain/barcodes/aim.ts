// AIM symbology identifiers (ISO/IEC 15424): scanners set up to send them prefix every scan with
// "]" + a symbology letter + a modifier. They are the only reliable way to tell a UPC-E from an EAN-8,
// or a GS1-128 from a plain Code 128 that happens to start with "01".

/** Group separator: how scanners transmit an FNC1 that ends a variable-length GS1 field. */
export const GS = '\x1d';

export type AimFamily = 'ean' | 'ean-8' | 'itf' | 'gs1' | 'other';

export interface AimSplit {
  /** The three-character identifier, e.g. "]C1", or undefined when the scan carries none. */
  readonly aim: string | undefined;
  readonly data: string;
}

const AIM_PATTERN = /^\][A-Za-z][0-9A-Za-z]/;

// The modifiers that mean "this symbol starts with FNC1": GS1-128, GS1 DataBar, GS1 DataMatrix,
// GS1 QR Code and GS1 DotCode.
const GS1_AIMS: ReadonlySet<string> = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);

export function splitAim(raw: string): AimSplit {
  if (!AIM_PATTERN.test(raw)) return { aim: undefined, data: raw };
  return { aim: raw.slice(0, 3), data: raw.slice(3) };
}

export function aimFamily(aim: string): AimFamily {
  if (GS1_AIMS.has(aim)) return 'gs1';
  // ]E0 carries EAN-13, UPC-A and UPC-E; ]E4 is EAN-8 only. ]E1..]E3 are add-on forms we do not read.
  if (aim === ']E0') return 'ean';
  if (aim === ']E4') return 'ean-8';
  if (aim.startsWith(']I')) return 'itf';
  return 'other';
}
