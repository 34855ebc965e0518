import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * The fonts a receipt image needs, found once on the system: a monospace Latin font (Latin, Danish,
 * Cyrillic and the rest of what a receipt prints one column wide) and a CJK font (two columns wide).
 *
 * resvg (0.35, in @resvg/resvg-js 2.6) re-reads a font's whole file for every glyph it outlines, so what
 * makes a render slow is not how many fonts it knows but how big the file is behind each glyph: the Noto
 * CJK collections are ~20 MB, DejaVu Sans Mono ~0.3 MB. Latin runs therefore go to the Latin font and only
 * CJK characters to the CJK font, and resvg is given just these files instead of every system font.
 */
export interface ReceiptFonts {
  /** Font files for resvg; empty when nothing known was found. */
  files: string[];
  /** The family names to ask for, first the one found. */
  latinFamily: string;
  cjkFamily: string;
  /** True when the Latin or the CJK font is missing: resvg then also loads every system font (slow). */
  loadSystemFonts: boolean;
}

interface Candidate {
  file: RegExp;
  family: string;
}

/** In order of preference; each pattern takes the regular and the bold file of one family. */
const LATIN: readonly Candidate[] = [
  { file: /^DejaVuSansMono(-Bold)?\.ttf$/, family: 'DejaVu Sans Mono' },
  { file: /^NotoSansMono-(Regular|Bold)\.ttf$/, family: 'Noto Sans Mono' },
  { file: /^LiberationMono-(Regular|Bold)\.ttf$/, family: 'Liberation Mono' },
];
const CJK: readonly Candidate[] = [
  // The collections hold the Mono faces too (half-width Latin, full-width ideographs).
  { file: /^NotoSansCJK-(Regular|Bold)\.ttc$/, family: 'Noto Sans Mono CJK SC' },
  { file: /^NotoSansMonoCJKsc-(Regular|Bold)\.otf$/, family: 'Noto Sans Mono CJK SC' },
  { file: /^NotoSansCJKsc-(Regular|Bold)\.otf$/, family: 'Noto Sans CJK SC' },
  { file: /^NotoSerifCJK-(Regular|Bold)\.ttc$/, family: 'Noto Serif CJK SC' },
  { file: /^NotoSerifCJKsc-(Regular|Bold)\.otf$/, family: 'Noto Serif CJK SC' },
];

const GENERIC_LATIN = "'DejaVu Sans Mono', 'Noto Sans Mono', 'Liberation Mono', monospace";
const GENERIC_CJK =
  "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'Noto Serif CJK SC', 'Noto Sans Mono CJK TC'";

export function defaultFontDirs(): string[] {
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(homedir(), '.local/share/fonts'),
    join(homedir(), '.fonts'),
  ];
}

function listFonts(dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue; // a directory that is not there
    }
    for (const name of names) if (/\.(ttf|otf|ttc)$/i.test(name)) files.push(join(dir, name));
  }
  return files.sort();
}

function pick(
  files: readonly string[],
  candidates: readonly Candidate[],
): { family: string; files: string[] } | null {
  for (const candidate of candidates) {
    const found = files.filter((f) => candidate.file.test(basename(f)));
    // One copy of each file name: the same font can sit in two font directories.
    const unique = [...new Map(found.map((f) => [basename(f), f])).values()];
    if (unique.length > 0) return { family: candidate.family, files: unique };
  }
  return null;
}

/** The found family first, then the usual names (without repeating it). */
function familyList(found: string | undefined, generic: string): string {
  if (found === undefined) return generic;
  const rest = generic.split(', ').filter((name) => name !== `'${found}'`);
  return [`'${found}'`, ...rest].join(', ');
}

/** Searches the font directories (once per process: call it from the renderer, not per receipt). */
export function findReceiptFonts(dirs: readonly string[] = defaultFontDirs()): ReceiptFonts {
  const all = listFonts(dirs);
  const latin = pick(all, LATIN);
  const cjk = pick(all, CJK);
  return {
    files: [...(latin?.files ?? []), ...(cjk?.files ?? [])],
    latinFamily: familyList(latin?.family, GENERIC_LATIN),
    cjkFamily: familyList(cjk?.family, GENERIC_CJK),
    loadSystemFonts: !latin || !cjk,
  };
}

/** What receiptSvg asks for when no search was made: the usual names, resvg with every system font. */
export const SYSTEM_FONTS: ReceiptFonts = {
  files: [],
  latinFamily: GENERIC_LATIN,
  cjkFamily: GENERIC_CJK,
  loadSystemFonts: true,
};
