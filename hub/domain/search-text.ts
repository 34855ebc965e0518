// Search text for the products_fts index and safe MATCH expressions for it. SQLite's unicode61 tokenizer
// folds case and most diacritics, but it treats a run of Han characters as one token and leaves letters
// such as ø, æ and ß alone; both gaps are closed here, and the same folding runs on the indexed text and
// on the query so the two always agree.

// Han (incl. extensions and compatibility ideographs), Hiragana, Katakana, Hangul, CJK symbols.
const CJK_CHAR =
  /[\u2E80-\u2FDF\u3040-\u30FF\u3100-\u312F\u3130-\u318F\u31A0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{2FA1F}]/u;
const CJK_CHAR_GLOBAL = new RegExp(CJK_CHAR.source, 'gu');
// What unicode61 keeps inside a token (letters, numbers, marks); everything else separates tokens.
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

// Letters that are not "a letter plus a diacritic" in Unicode, so unicode61 does not fold them, but that
// shoppers type without the special key (rødbede -> rodbede, Straße -> strasse).
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ß', 'ss'],
  ['đ', 'd'],
  ['ł', 'l'],
  ['ı', 'i'],
  ['þ', 'th'],
]);

// Traditional -> simplified for characters common on grocery shelves, so a cashier typing 鲜奶 finds a
// Taiwanese 鮮奶 label and the other way round. A whole conversion table (thousands of pairs) is not
// needed: product names use a small vocabulary, and unknown characters simply match themselves.
const TRAD =
  '鮮麵雞豬魚蝦醬蘋綠紅烏龍鐵觀餅乾雜麥條湯飲壺裝燒滷薑蔥蘿蔔葉羅蘭鹽糧麗糰鬆蝕醃滿園廠種類釀鳳無雙濃濕潔衛紙髮鍋盤瓏餃饅頭燈電視機錶臘腸鴨鵝蠔貝粵廣東貢盧樂壽幹莊鄉漿優蘆筍礦檸點銀針調劑護凍餛飩圓膠黃廳區產團純舊農個實麼這價錢';
const SIMP =
  '鲜面鸡猪鱼虾酱苹绿红乌龙铁观饼干杂麦条汤饮壶装烧卤姜葱萝卜叶罗兰盐粮丽团松蚀腌满园厂种类酿凤无双浓湿洁卫纸发锅盘珑饺馒头灯电视机表腊肠鸭鹅蚝贝粤广东贡卢乐寿干庄乡浆优芦笋矿柠点银针调剂护冻馄饨圆胶黄厅区产团纯旧农个实么这价钱';
// Array.from walks code points, which is the unit here: every listed character is one BMP ideograph.
const SIMP_CHARS = Array.from(SIMP);
const HAN_FOLDS: ReadonlyMap<string, string> = new Map(
  Array.from(TRAD).map((c, i) => [c, SIMP_CHARS[i] ?? c]),
);

/** Longest query text that is searched; the rest is ignored (a pasted paragraph is not a product name). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many terms reach MATCH, which bounds the work one request can cause. */
export const MAX_QUERY_TERMS = 12;

function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase())
    out += LETTER_FOLDS.get(ch) ?? HAN_FOLDS.get(ch) ?? ch;
  return out;
}

/** Puts a space on both sides of every CJK character so unicode61 makes each one a token. */
function spaceCjk(text: string): string {
  return text.replace(CJK_CHAR_GLOBAL, (ch) => ` ${ch} `);
}

/** The text indexed for one product: its parts (name, SKU, codes, attributes) folded and tokenisable. */
export function buildSearchText(parts: readonly string[]): string {
  return spaceCjk(fold(parts.join(' ')))
    .replace(/\s+/g, ' ')
    .trim();
}

/** One term of a query: a Latin/Cyrillic/... word (matched as a prefix) or a run of CJK characters. */
export interface SearchTerm {
  text: string;
  cjk: boolean;
}

/**
 * What a user typed, folded and cut into terms the way unicode61 cuts the indexed text (at most
 * MAX_QUERY_TERMS). Shared by the hub's MATCH builder and the till's own catalog cache, so a search finds
 * the same products on both.
 */
export function searchTerms(userText: string): SearchTerm[] {
  const folded = fold(userText.slice(0, MAX_QUERY_LENGTH));
  const terms: SearchTerm[] = [];
  for (const token of folded.match(TOKEN) ?? []) {
    for (const piece of splitCjkRuns(token)) {
      if (terms.length >= MAX_QUERY_TERMS) return terms;
      terms.push(piece);
    }
  }
  return terms;
}

/**
 * Turns what a user typed into an FTS5 MATCH expression, or undefined when nothing searchable is left.
 * User text never reaches MATCH as syntax: it is cut into tokens the way unicode61 cuts it, and every
 * token becomes a quoted string (quotes cannot survive tokenising, so none need escaping), which makes
 * NEAR, AND, *, ^, : and parentheses plain words. Latin/Cyrillic tokens are prefix terms ("mil"*) so
 * the list narrows while typing; a CJK run is a phrase of its characters ("牛 奶") so 牛奶 does not match
 * a product that merely contains 牛 and 奶 apart. Terms are ANDed (FTS5's implicit operator).
 */
export function buildMatchQuery(userText: string): string | undefined {
  const terms = searchTerms(userText).map((t) =>
    t.cjk ? `"${Array.from(t.text).join(' ')}"` : `"${t.text}"*`,
  );
  return terms.length === 0 ? undefined : terms.join(' ');
}

/** Splits "1l牛奶" into "1l" and the CJK run "牛奶". */
function splitCjkRuns(token: string): SearchTerm[] {
  const pieces: SearchTerm[] = [];
  for (const ch of token) {
    const cjk = CJK_CHAR.test(ch);
    const last = pieces.at(-1);
    if (last?.cjk === cjk) last.text += ch;
    else pieces.push({ text: ch, cjk });
  }
  return pieces;
}
