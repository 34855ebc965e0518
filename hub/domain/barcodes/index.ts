// The barcode domain: what a scanner line means (GTIN, store label with price or weight, GS1 element
// string, or an internal code). Pure functions, no I/O.
export { classifyScan, MAX_CODE_LENGTH } from './classify.js';
export type { ClassifyOptions, GtinSymbology, ScanClass } from './classify.js';
export { GS, splitAim } from './aim.js';
export type { AimSplit } from './aim.js';
export { gs1CheckDigit, hasValidCheckDigit, isValidGtin, toGtin14, withCheckDigit } from './gtin.js';
export { compressUpcA, expandUpcE } from './upc-e.js';
export { parseGs1 } from './gs1.js';
export type { Gs1Data, Gs1Options } from './gs1.js';
export type { Gs1Element } from './gs1-elements.js';
export { expandYear, parseGs1Date } from './gs1-date.js';
export { priceVerifierDigit } from './price-verifier.js';
export { isRestrictedPrefix, validateTemplate, validateTemplates } from './label-template.js';
export type { LabelTemplate, TemplateCheckOptions } from './label-template.js';
export { decodeLabel, findTemplate } from './label-decode.js';
export type { EmbeddedLabel } from './label-decode.js';
export { encodeLabel } from './label-encode.js';
export type { Result } from './result.js';
