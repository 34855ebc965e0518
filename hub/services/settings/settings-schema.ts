import { z } from '@hono/zod-openapi';
import { isKnownCurrency } from '../../domain/money.js';
import { ValidationError } from '../../errors.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166 alpha-2, checked against the ICU region list so 'XX' or 'EN' is refused. */
export function isKnownCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && code !== 'ZZ' && regionNames.of(code) !== undefined;
}

/** The canonical BCP 47 form ('da-dk' -> 'da-DK') of a tag the runtime can format for, or undefined. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical === undefined) return undefined;
    return Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : undefined;
  } catch {
    return undefined;
  }
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

// Receipt text goes to printers: line breaks are allowed, every other control byte is refused here so
// it never reaches an ESC/POS stream.
const receiptText = z
  .string()
  .max(500)
  .refine((s) => !/(?!\n)\p{Cc}/u.test(s), 'must not contain control characters')
  .refine((s) => s.split('\n').length <= 8, 'must have at most 8 lines');

export const StoreSettingsSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    address: z.string().trim().max(300),
    currency: z.string().refine(isKnownCurrency, {
      error: (issue) =>
        `"${String(issue.input)}" is not a known ISO 4217 currency code (upper case, e.g. DKK, EUR)`,
    }),
    country: z.string().refine(isKnownCountry, {
      error: (issue) =>
        `"${String(issue.input)}" is not an ISO 3166 alpha-2 country code (upper case, e.g. DK)`,
    }),
    locale: z
      .string()
      .max(35)
      .transform((tag, c) => {
        const canonical = canonicalLocale(tag);
        if (canonical === undefined) {
          c.addIssue({ code: 'custom', message: `"${tag}" is not a supported BCP 47 locale (e.g. da-DK)` });
          return z.NEVER;
        }
        return canonical;
      }),
    timeZone: z
      .string()
      .max(64)
      .refine(isValidTimeZone, {
        error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. Europe/Copenhagen)`,
      }),
    taxMode: z.enum(['inclusive', 'exclusive']),
    /** Cash is rounded to this many minor units; 1 means exact. */
    cashRoundingMinor: z.number().int().min(1).max(100_000),
    receiptHeader: receiptText,
    receiptFooter: receiptText,
    /**
     * The address customers' phones reach the hub at, for the e-receipt QR code (e.g. the hub's LAN URL,
     * or a public name forwarded to it). Without it receipts carry no QR; the demo falls back to the LAN URL.
     */
    publicBaseUrl: z
      .url({ protocol: /^https?$/ })
      .max(200)
      .optional(),
    /** Print the receipt of every completed sale by itself; off: the cashier prints on request. */
    autoPrintReceipts: z.boolean().default(true),
  })
  .openapi('StoreSettings');

export type StoreSettings = z.output<typeof StoreSettingsSchema>;

/** A change to some settings; fields left out keep their value. */
export const StoreSettingsPatchSchema = StoreSettingsSchema.partial()
  .extend({
    // null clears the optional URL (undefined means "leave it").
    publicBaseUrl: z
      .url({ protocol: /^https?$/ })
      .max(200)
      .nullable()
      .optional(),
    // Without this, .partial() keeps the default and a patch that leaves it out would turn it back on.
    autoPrintReceipts: z.boolean().optional(),
  })
  .openapi('StoreSettingsPatch');

export type StoreSettingsPatch = z.input<typeof StoreSettingsPatchSchema>;

/** Parses with the schema and turns zod issues into one ValidationError that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
  throw new ValidationError(`Invalid ${what}: ${summary}`, { issues });
}
