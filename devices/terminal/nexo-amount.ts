/**
 * nexo carries amounts as JSON decimal numbers (10.99). We never let them pass through a float: minor
 * units are written as decimal text and read back from the JSON text itself.
 */
export function minorToDecimal(minor: number, exponent: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${minor} is not a safe integer`);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Minor units of a decimal text, or null when it is not a plain decimal or has sub-minor precision. */
export function decimalToMinor(text: string, exponent: number): number | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) return null;
  const minorText = whole + fraction.slice(0, exponent).padEnd(exponent, '0');
  const value = Number(minorText);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/** A decimal that must reach the JSON text as a number literal, exactly as written. */
export class DecimalText {
  constructor(readonly text: string) {}
}

const MARK = '\u0000decimal:';

/** JSON.stringify that writes DecimalText values as bare number literals. */
export function stringifyWithDecimals(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof DecimalText ? `${MARK}${v.text}` : v,
  );
  return json.replace(/"\\u0000decimal:(-?\d+(?:\.\d+)?)"/g, '$1');
}

/** The literal text of the first number under this key in a JSON text (no float in between). */
export function numberLiteral(json: string, key: string): string | null {
  const match = new RegExp(`"${key}"\\s*:\\s*(-?\\d+(?:\\.\\d+)?)(?=[\\s,}\\]])`).exec(json);
  return match?.[1] ?? null;
}
