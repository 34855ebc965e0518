import { fail, isDigits, ok, type Result } from './result.js';

/**
 * Four-digit year for a GS1 two-digit year. With a reference year this is the GS1 sliding window
 * (General Specifications 7.12): up to 49 years ahead or 50 behind the reference year, so "99" read in
 * 2025 is 1999, a long-expired product rather than one good until 2099. Without one it is simply 20YY:
 * the domain reads no clock, and for every year up to 2049 both rules agree on the dates that matter
 * (a product expiring this century).
 */
export function expandYear(yy: number, referenceYear?: number): number {
  if (referenceYear === undefined) return 2000 + yy;
  const refYy = referenceYear % 100;
  const century = referenceYear - refYy;
  const diff = yy - refYy;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A GS1 YYMMDD date as an ISO "YYYY-MM-DD". Day 00 is GS1's "no day given", which for an expiry means
 * the last day of that month, so that is what it becomes.
 */
export function parseGs1Date(yymmdd: string, referenceYear?: number): Result<string> {
  if (yymmdd.length !== 6 || !isDigits(yymmdd)) return fail(`invalid date "${yymmdd}": expected YYMMDD`);
  const year = expandYear(Number(yymmdd.slice(0, 2)), referenceYear);
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return fail(`invalid date "${yymmdd}": month ${month} does not exist`);
  const lastDay = daysInMonth(year, month);
  if (day === 0) day = lastDay;
  if (day > lastDay) return fail(`invalid date "${yymmdd}": ${year}-${pad2(month)} has no day ${day}`);
  return ok(`${String(year)}-${pad2(month)}-${pad2(day)}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
