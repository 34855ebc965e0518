// Text from the catalog, staff or customers is untrusted: a stray ESC or GS in a product name would be a
// printer command. Only line feeds survive; every other control character goes.

const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;
const LINE_SEPARATORS = /\r\n|[\r\u2028\u2029\u0085]/gu;
// C0 except LF, DEL, C1 (all \p{Cc}) and invisible format characters (\p{Cf}: bidi overrides, zero-width, BOM).
const CONTROLS = /(?!\n)[\p{Cc}\p{Cf}]/gu;

/**
 * Removes control characters so the text cannot carry commands: C0 (except LF), DEL, C1 and invisible
 * format characters. CR and Unicode line separators become LF; tabs and the various no-break and
 * typographic spaces (Intl output uses U+00A0 and U+202F) become a plain space. With `singleLine`, LF
 * becomes a space as well.
 */
export function stripControls(text: string, singleLine = false): string {
  const lines = text.replace(LINE_SEPARATORS, '\n').replace(SPACES, (s) => (s === '\u3000' ? '  ' : ' '));
  const clean = lines.replace(CONTROLS, '');
  return singleLine ? clean.replace(/\n/g, ' ') : clean;
}
