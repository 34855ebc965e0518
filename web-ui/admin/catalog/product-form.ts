// Pure pieces of the product editor: barcodes and attributes as typed, to what the hub takes.

export type BarcodeInput = string | { code: string; kind: 'plu' };

/** One barcode a line (or separated by commas); "PLU 1234" is a scale item code. */
export function parseBarcodeLines(text: string): BarcodeInput[] {
  return text
    .split(/[\n,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const plu = /^plu[\s:]*(\d{1,6})$/i.exec(line);
      return plu ? { code: plu[1] ?? '', kind: 'plu' as const } : line;
    });
}

/** Barcodes as the editor shows them: the printed code, PLUs as "PLU 1234". */
export function barcodeLines(barcodes: readonly { kind: string; display: string }[]): string {
  return barcodes.map((b) => (b.kind === 'plu' ? `PLU ${b.display}` : b.display)).join('\n');
}

/** "size=M; colour=Red" to attributes, or null when a part is not name=value. */
export function parseAttributeText(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 1) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!/^[a-z][a-zA-Z0-9_]{0,29}$/.test(key) || value === '') return null;
    out[key] = value;
  }
  return out;
}

export function attributeText(attributes: Readonly<Record<string, string>>): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}
