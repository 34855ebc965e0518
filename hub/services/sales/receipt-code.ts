// Receipt codes. The printed code is `<till number>-<receipt number>` ("3-127"): short enough to read out
// at a returns counter. The barcode form is Code 128 friendly and fixed-width, "R" + till (3 digits) +
// receipt (8 digits) ("R00300000127"); the leading letter keeps it from being mistaken for a GTIN.
// Lookups accept either form.

export function receiptCode(tillNumber: number, receiptNumber: number): string {
  return `${tillNumber}-${receiptNumber}`;
}

export function receiptBarcode(code: string): string {
  const parsed = parseReceiptCode(code);
  if (parsed === null) return code;
  return `R${String(parsed.tillNumber).padStart(3, '0')}${String(parsed.receiptNumber).padStart(8, '0')}`;
}

const PRINTED = /^([1-9][0-9]{0,5})-([1-9][0-9]{0,9})$/;
const BARCODE = /^R([0-9]{3,6})([0-9]{8,10})$/i;

/** Either form back to its numbers, or null when it is neither. */
export function parseReceiptCode(input: string): { tillNumber: number; receiptNumber: number } | null {
  const text = input.trim();
  const printed = PRINTED.exec(text);
  if (printed) return { tillNumber: Number(printed[1]), receiptNumber: Number(printed[2]) };
  const barcode = text.length === 12 ? BARCODE.exec(text) : null;
  if (barcode) {
    const tillNumber = Number(text.slice(1, 4));
    const receiptNumber = Number(text.slice(4));
    if (tillNumber > 0 && receiptNumber > 0) return { tillNumber, receiptNumber };
  }
  return null;
}

/** The stored (printed) form of any accepted input, or null. */
export function normalizeReceiptCode(input: string): string | null {
  const parsed = parseReceiptCode(input);
  return parsed === null ? null : receiptCode(parsed.tillNumber, parsed.receiptNumber);
}
