// The ESC/POS encoder: command bytes, text encoding per profile, layout helpers and a builder.
export * as commands from './commands.js';
export type { Align, BarcodeOptions, Bitmap, HriPosition, QrErrorLevel } from './commands.js';
export { EscposBuilder } from './builder.js';
export { EscposTextEncoder, toPrintable, singleByte, twoBytes } from './text-encoder.js';
export type { TextCapabilities } from './text-encoder.js';
export { stripControls } from './sanitize.js';
export { transliterate } from './transliterate.js';
export { charWidth, textWidth } from './width.js';
export { wrap, twoColumns, padEnd, padStart, rule } from './layout.js';
