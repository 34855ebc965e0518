import { hasValidCheckDigit } from './gtin.js';
import { fail, isDigits, ok, type Result } from './result.js';

// UPC-E zero-suppresses a UPC-A: the last of its six data digits says where the zeros went. It exists
// only for number systems 0 and 1, and its check digit is the one of the UPC-A it stands for.

/**
 * Expands an 8-digit UPC-E (number system, six digits, check digit) to its 12-digit UPC-A and verifies
 * the check digit against that expansion.
 */
export function expandUpcE(upcE: string): Result<string> {
  if (upcE.length !== 8 || !isDigits(upcE)) return fail(`UPC-E must be 8 digits, got "${upcE}"`);
  const system = upcE.charAt(0);
  if (system !== '0' && system !== '1') return fail(`UPC-E number system must be 0 or 1, got ${system}`);
  const d = upcE.slice(1, 7);
  const check = upcE.charAt(7);
  const last = d.charAt(5);
  let body: string;
  switch (last) {
    case '0':
    case '1':
    case '2':
      body = d.slice(0, 2) + last + '0000' + d.slice(2, 5);
      break;
    case '3':
      body = d.slice(0, 3) + '00000' + d.slice(3, 5);
      break;
    case '4':
      body = d.slice(0, 4) + '00000' + d.charAt(4);
      break;
    default:
      body = d.slice(0, 5) + '0000' + last;
  }
  const upcA = system + body + check;
  if (!hasValidCheckDigit(upcA)) return fail(`bad check digit in UPC-E ${upcE}`);
  return ok(upcA);
}

/**
 * The UPC-E for a 12-digit UPC-A, or undefined when its zeros are not where UPC-E can suppress them.
 * Picks the first applicable rule, so `expandUpcE(compressUpcA(a))` gives back `a`; the check digit is
 * copied, not verified.
 */
export function compressUpcA(upcA: string): string | undefined {
  if (upcA.length !== 12 || !isDigits(upcA)) return undefined;
  const system = upcA.charAt(0);
  if (system !== '0' && system !== '1') return undefined;
  const maker = upcA.slice(1, 6);
  const product = upcA.slice(6, 11);
  const check = upcA.charAt(11);
  const m3 = maker.charAt(2);
  let six: string | undefined;
  if ('012'.includes(m3) && maker.endsWith('00') && product.startsWith('00')) {
    six = maker.slice(0, 2) + product.slice(2) + m3;
  } else if (maker.endsWith('00') && product.startsWith('000')) {
    six = maker.slice(0, 3) + product.slice(3) + '3';
  } else if (maker.endsWith('0') && product.startsWith('0000')) {
    six = maker.slice(0, 4) + product.charAt(4) + '4';
  } else if (product.startsWith('0000') && product.charAt(4) >= '5') {
    six = maker + product.charAt(4);
  }
  return six === undefined ? undefined : system + six + check;
}
