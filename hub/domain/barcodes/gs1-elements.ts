import { aiSpecAt, type AiSpec } from './ai-table.js';
import { GS } from './aim.js';
import { fail, isDigits, ok, type Result } from './result.js';

// Splits a GS1 element string into (AI, data) pairs and checks each against its AI's format. Knows
// nothing of what the AIs mean; gs1.ts does that.

export interface Gs1Element {
  readonly ai: string;
  readonly data: string;
}

// GS1 AI encodable character set 82: what alphanumeric AIs may hold.
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
const PAREN_AI = /\((\d{2,4})\)/g;

/**
 * Elements of an element string in either the transmitted form (FNC1 as GS between elements) or the
 * human-readable form with each AI in parentheses. The input is the data after any AIM identifier.
 */
export function splitElements(text: string): Result<readonly Gs1Element[]> {
  const body = text.startsWith(GS) ? text.slice(1) : text;
  if (body === '') return fail('empty GS1 element string');
  return body.startsWith('(') ? splitBracketed(body) : splitTransmitted(body);
}

function splitTransmitted(text: string): Result<readonly Gs1Element[]> {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < text.length) {
    // A GS right after a fixed-length element, or a doubled one, is redundant but harmless.
    if (text.charAt(pos) === GS) {
      pos++;
      continue;
    }
    const spec = aiSpecAt(text, pos);
    if (spec === undefined) {
      return fail(`unknown AI at "${text.slice(pos, pos + 4)}": cannot tell where its data ends`);
    }
    const ai = text.slice(pos, pos + spec.aiLength);
    if (ai.length < spec.aiLength) return fail(`truncated: AI (${ai}) is incomplete`);
    if (!isDigits(ai)) return fail(`invalid AI "${ai}"`);
    const start = pos + spec.aiLength;
    let end: number;
    if (spec.predefined) {
      end = start + spec.maxData;
      if (end > text.length || text.slice(start, end).includes(GS)) {
        return fail(`truncated: AI (${ai}) needs ${spec.maxData} digits`);
      }
    } else {
      const gs = text.indexOf(GS, start);
      end = gs === -1 ? text.length : gs;
    }
    const data = text.slice(start, end);
    const bad = checkData(ai, data, spec);
    if (bad !== undefined) return fail(bad);
    elements.push({ ai, data });
    pos = end;
  }
  return ok(elements);
}

function splitBracketed(text: string): Result<readonly Gs1Element[]> {
  if (text.includes(GS)) return fail('GS separator inside a bracketed element string');
  const marks = [...text.matchAll(PAREN_AI)];
  const first = marks[0];
  if (first?.index !== 0) return fail('bracketed element string must start with an AI such as "(01)"');
  const elements: Gs1Element[] = [];
  for (const [i, mark] of marks.entries()) {
    const ai = mark[1] ?? '';
    const start = mark.index + mark[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    const data = text.slice(start, end);
    const spec = aiSpecAt(ai, 0);
    // Brackets mark where every element ends, so an AI we do not know is carried, not refused.
    if (spec !== undefined) {
      if (spec.aiLength !== ai.length) return fail(`invalid AI (${ai})`);
      const bad = checkData(ai, data, spec);
      if (bad !== undefined) return fail(bad);
    } else if (data === '') {
      return fail(`AI (${ai}) has no data`);
    }
    elements.push({ ai, data });
  }
  return ok(elements);
}

function checkData(ai: string, data: string, spec: AiSpec): string | undefined {
  if (data === '') return `AI (${ai}) has no data`;
  if (data.length < spec.minData) {
    return spec.minData === spec.maxData
      ? `truncated: AI (${ai}) needs ${spec.maxData} characters, got ${data.length}`
      : `truncated: AI (${ai}) needs at least ${spec.minData} characters, got ${data.length}`;
  }
  if (data.length > spec.maxData) {
    return `AI (${ai}) holds at most ${spec.maxData} characters, got ${data.length} (missing GS separator?)`;
  }
  if (spec.numeric ? !isDigits(data) : !CSET82.test(data)) {
    return `AI (${ai}) has characters it may not hold: "${data}"`;
  }
  return undefined;
}
