// GS1 Application Identifiers the parser needs to know. Two tables, for two different questions:
// where does an element end (PREDEFINED, fixed by the standard forever, so even an AI we do not know can
// be stepped over) and what does a known AI hold (KNOWN, for everything else, which ends at FNC1/GS).

export interface AiSpec {
  /** How many digits the AI itself has (2 to 4). */
  readonly aiLength: number;
  /** Digits only, or GS1 character set 82. */
  readonly numeric: boolean;
  readonly minData: number;
  readonly maxData: number;
  /** In the predefined-length table: a reader may concatenate the next element without a separator. */
  readonly predefined: boolean;
}

// GS1 General Specifications figure 5.10.1-2: AI prefix -> [AI digits, data length]. These are the
// only AIs whose length a reader may assume; 03 and 04 are reserved but keep their lengths.
const PREDEFINED: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['00', [2, 18]],
  ['01', [2, 14]],
  ['02', [2, 14]],
  ['03', [2, 14]],
  ['04', [2, 16]],
  ['11', [2, 6]],
  ['12', [2, 6]],
  ['13', [2, 6]],
  ['14', [2, 6]],
  ['15', [2, 6]],
  ['16', [2, 6]],
  ['17', [2, 6]],
  ['18', [2, 6]],
  ['19', [2, 6]],
  ['20', [2, 2]],
  ['31', [4, 6]],
  ['32', [4, 6]],
  ['33', [4, 6]],
  ['34', [4, 6]],
  ['35', [4, 6]],
  ['36', [4, 6]],
  ['41', [3, 13]],
]);

// AIs outside the predefined table that retail scans carry: prefix -> [AI digits, numeric, min, max].
// A 4-digit AI with a trailing indicator digit (392n, 703s) is listed by its 3-digit prefix.
const KNOWN: ReadonlyMap<string, readonly [number, boolean, number, number]> = new Map([
  ['10', [2, false, 1, 20]],
  ['21', [2, false, 1, 20]],
  ['22', [2, false, 1, 20]],
  ['235', [3, false, 1, 28]],
  ['240', [3, false, 1, 30]],
  ['241', [3, false, 1, 30]],
  ['242', [3, true, 1, 6]],
  ['243', [3, false, 1, 20]],
  ['250', [3, false, 1, 30]],
  ['251', [3, false, 1, 30]],
  ['253', [3, false, 14, 30]],
  ['254', [3, false, 1, 20]],
  ['255', [3, true, 14, 25]],
  ['30', [2, true, 1, 8]],
  ['37', [2, true, 1, 8]],
  ['390', [4, true, 1, 15]],
  ['391', [4, true, 4, 18]],
  ['392', [4, true, 1, 15]],
  ['393', [4, true, 4, 18]],
  ['394', [4, true, 4, 4]],
  ['395', [4, true, 6, 6]],
  ['400', [3, false, 1, 30]],
  ['401', [3, false, 1, 30]],
  ['402', [3, true, 17, 17]],
  ['403', [3, false, 1, 30]],
  ['420', [3, false, 1, 20]],
  ['421', [3, false, 4, 12]],
  ['422', [3, true, 3, 3]],
  ['423', [3, true, 4, 15]],
  ['424', [3, true, 3, 3]],
  ['425', [3, true, 4, 15]],
  ['426', [3, true, 3, 3]],
  ['427', [3, false, 1, 3]],
  ['7001', [4, true, 13, 13]],
  ['7002', [4, false, 1, 30]],
  ['7003', [4, true, 10, 10]],
  ['7004', [4, true, 1, 4]],
  ['7005', [4, false, 1, 12]],
  ['7006', [4, true, 6, 6]],
  ['7007', [4, true, 6, 12]],
  ['7008', [4, false, 1, 3]],
  ['7009', [4, false, 1, 10]],
  ['7010', [4, false, 1, 2]],
  ['703', [4, false, 4, 30]],
  ['8001', [4, true, 14, 14]],
  ['8002', [4, false, 1, 20]],
  ['8003', [4, false, 15, 30]],
  ['8004', [4, false, 1, 30]],
  ['8005', [4, true, 6, 6]],
  ['8006', [4, true, 18, 18]],
  ['8007', [4, false, 1, 34]],
  ['8008', [4, true, 8, 12]],
  ['8010', [4, false, 1, 30]],
  ['8011', [4, true, 1, 12]],
  ['8012', [4, false, 1, 20]],
  ['8013', [4, false, 1, 25]],
  ['8017', [4, true, 18, 18]],
  ['8018', [4, true, 18, 18]],
  ['8019', [4, true, 1, 10]],
  ['8020', [4, false, 1, 25]],
  ['8026', [4, true, 18, 18]],
  ['8110', [4, false, 1, 70]],
  ['8111', [4, true, 4, 4]],
  ['8112', [4, false, 1, 70]],
  ['8200', [4, false, 1, 70]],
  ['90', [2, false, 1, 30]],
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map(
    (ai) => [ai, [2, false, 1, 90]] as [string, readonly [number, boolean, number, number]],
  ),
]);

/**
 * The spec of the AI that `text` starts with at `pos`, looked up by its first 2, 3 or 4 characters
 * (GS1 AIs are prefix-free, so at most one matches). Undefined when no AI we know starts there.
 */
export function aiSpecAt(text: string, pos: number): AiSpec | undefined {
  const fixed = PREDEFINED.get(text.slice(pos, pos + 2));
  if (fixed !== undefined) {
    const [aiLength, length] = fixed;
    return { aiLength, numeric: true, minData: length, maxData: length, predefined: true };
  }
  for (const len of [2, 3, 4]) {
    const known = KNOWN.get(text.slice(pos, pos + len));
    if (known !== undefined) {
      const [aiLength, numeric, minData, maxData] = known;
      return { aiLength, numeric, minData, maxData, predefined: false };
    }
  }
  return undefined;
}
