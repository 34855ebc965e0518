/** One ESC/POS command as the simulator understood it. Tests assert on these. */
export type DecodedCommand =
  | { op: 'init' }
  | { op: 'text'; text: string; encoding: string }
  | { op: 'newline' }
  | { op: 'codepage'; n: number; encoding: string | null }
  | { op: 'cjk'; on: boolean }
  | { op: 'style'; name: StyleName; value: number }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'feed'; lines: number }
  | { op: 'qr'; data: string }
  | { op: 'barcode'; system: number; data: string }
  | { op: 'cut'; partial: boolean }
  | { op: 'kick'; pin: 2 | 5; onMs: number; offMs: number }
  | { op: 'raster'; widthDots: number; heightDots: number }
  | { op: 'status'; n: number }
  | { op: 'asb'; mask: number }
  | { op: 'unknown'; hex: string };

export type StyleName =
  | 'mode'
  | 'bold'
  | 'doubleStrike'
  | 'underline'
  | 'font'
  | 'size'
  | 'invert'
  | 'upsideDown'
  | 'lineSpacing'
  | 'cjkMode'
  | 'other';

/** A complete command and where the next one starts; 'more' when the buffer ends inside a command. */
export type ParseStep = { command: DecodedCommand | null; next: number } | 'more';
