// Firmware profiles: the shape of a device model as data. One schema per kind, joined on `kind`; a file is
// checked twice: loosely as written (id, kind, extends) and strictly once its parents are merged in.
import { z } from 'zod';

/** Single-byte code pages we can encode (names as iconv-lite knows them). */
export const CODE_PAGES = [
  'cp437',
  'cp850',
  'cp852',
  'cp858',
  'cp860',
  'cp863',
  'cp865',
  'cp866',
  'cp1125',
  'cp1250',
  'cp1251',
  'cp1252',
  'cp1257',
  'iso-8859-15',
] as const;
export type CodePageName = (typeof CODE_PAGES)[number];

export const CJK_ENCODINGS = ['gb18030', 'big5', 'shift_jis'] as const;
export type CjkEncoding = (typeof CJK_ENCODINGS)[number];

export const BARCODE_TYPES = ['code128', 'ean13', 'ean8', 'upca', 'code39', 'itf'] as const;
export type BarcodeType = (typeof BARCODE_TYPES)[number];

const ProfileId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"');

/** The serial line itself, shared with the device registry's serial transport so the two never disagree. */
export const SERIAL_LINE_FIELDS = {
  baudRate: z.union([
    z.literal(1200),
    z.literal(2400),
    z.literal(4800),
    z.literal(9600),
    z.literal(19200),
    z.literal(38400),
    z.literal(57600),
    z.literal(115200),
  ]),
  dataBits: z.union([z.literal(7), z.literal(8)]),
  parity: z.enum(['none', 'even', 'odd']),
  stopBits: z.union([z.literal(1), z.literal(2)]),
};

export const SerialSettingsSchema = z.strictObject({
  ...SERIAL_LINE_FIELDS,
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']),
});
export type SerialSettings = z.infer<typeof SerialSettingsSchema>;

const Base = {
  id: ProfileId,
  vendor: z.string().min(1).max(60),
  model: z.string().min(1).max(60),
  notes: z.string().max(2000).default(''),
  /** A base other profiles extend; never assigned to a device. */
  abstract: z.boolean().default(false),
  extends: ProfileId.nullable().default(null),
};

export const PrinterProfileSchema = z
  .strictObject({
    ...Base,
    kind: z.literal('printer'),
    /** The command set the profile is driven with; Star models run in their ESC/POS emulation. */
    commandSet: z.literal('escpos'),
    emulation: z.string().max(200).nullable().default(null),
    paperWidthMm: z.number().int().min(38).max(120),
    printableDots: z.number().int().min(200).max(1000),
    dpi: z.number().int().min(100).max(600),
    columns: z.strictObject({
      fontA: z.number().int().min(16).max(80),
      fontB: z.number().int().min(20).max(100),
    }),
    /** In order of preference: the encoder picks the first page that has a character. */
    codePages: z
      .array(z.strictObject({ name: z.enum(CODE_PAGES), escposTable: z.number().int().min(0).max(255) }))
      .min(1),
    cjk: z
      .strictObject({
        encoding: z.enum(CJK_ENCODINGS),
        /** fs-and: FS & enters the two-byte mode, FS . leaves it (Chinese firmwares). */
        mode: z.enum(['fs-and', 'fs-c-and']),
        /** Chinese firmwares power on in two-byte mode; the encoder leaves it after ESC @. */
        defaultOn: z.boolean(),
        /** FS C n for fs-c-and (0 JIS, 1 Shift JIS). */
        fsC: z.number().int().min(0).max(2).nullable().default(null),
      })
      .nullable(),
    cutter: z.enum(['full', 'partial']).nullable(),
    /** Kick connector pins wired on this model (ESC p m: pin 2 -> m=0, pin 5 -> m=1). */
    drawerPins: z.array(z.union([z.literal(2), z.literal(5)])).max(2),
    drawerPulseMs: z.strictObject({
      on: z.number().int().min(2).max(510),
      off: z.number().int().min(2).max(510),
    }),
    drawerSensor: z.boolean(),
    qr: z.boolean(),
    barcodes: z.array(z.enum(BARCODE_TYPES)),
    raster: z.boolean(),
    statusMethod: z.enum(['dle-eot', 'asb']),
    transports: z.array(z.enum(['tcp', 'serial', 'usb'])).min(1),
    tcp: z
      .strictObject({ port: z.number().int().min(1).max(65535) })
      .nullable()
      .default(null),
    serial: SerialSettingsSchema.nullable().default(null),
    usb: z
      .strictObject({
        vendorId: z.number().int().min(0).max(0xffff),
        productId: z.number().int().min(0).max(0xffff),
      })
      .nullable()
      .default(null),
  })
  .superRefine((p, ctx) => {
    for (const t of p.transports) {
      if (t !== 'usb' && p[t] === null)
        ctx.addIssue({ code: 'custom', path: [t], message: `${t} settings required` });
    }
    const tables = new Set(p.codePages.map((c) => c.escposTable));
    if (tables.size !== p.codePages.length)
      ctx.addIssue({ code: 'custom', path: ['codePages'], message: 'escposTable numbers must be unique' });
  });

export const ScaleProfileSchema = z.strictObject({
  ...Base,
  kind: z.literal('scale'),
  protocol: z.enum(['toledo-8217', 'nci', 'cas-ecr']),
  serial: SerialSettingsSchema,
  capacityGrams: z.number().int().min(100).max(1_000_000),
  divisionGrams: z.number().int().min(1).max(1000),
  /** Dual range: the division above `dualRangeFromGrams`. */
  dualRange: z
    .strictObject({ fromGrams: z.number().int().min(1), divisionGrams: z.number().int().min(1) })
    .nullable()
    .default(null),
  units: z.array(z.enum(['kg', 'g', 'lb', 'oz'])).min(1),
  tare: z.boolean(),
  zero: z.boolean(),
});

export const ScannerProfileSchema = z.strictObject({
  ...Base,
  kind: z.literal('scanner'),
  interface: z.literal('cdc'),
  aimPrefix: z.boolean(),
  suffix: z.enum(['CR', 'LF', 'CRLF']),
  gs1: z.boolean(),
  serial: SerialSettingsSchema,
  usb: z.strictObject({ vendorId: z.number().int(), productId: z.number().int() }).nullable().default(null),
});

export const DisplayProfileSchema = z.strictObject({
  ...Base,
  kind: z.literal('display'),
  protocol: z.literal('epson-escpos-display'),
  lines: z.number().int().min(1).max(4),
  columns: z.number().int().min(8).max(40),
  codePages: z
    .array(z.strictObject({ name: z.enum(CODE_PAGES), escposTable: z.number().int().min(0).max(255) }))
    .min(1),
  serial: SerialSettingsSchema,
});

export const TerminalProfileSchema = z.strictObject({
  ...Base,
  kind: z.literal('terminal'),
  protocol: z.literal('nexo-adyen-local'),
  protocolVersion: z.string().max(10),
  transport: z.strictObject({ kind: z.literal('https'), port: z.number().int().min(1).max(65535) }),
  /** The terminal prints its own card slip; otherwise its receipt text goes on ours. */
  printsOwnReceipt: z.boolean(),
  contactless: z.boolean(),
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1),
  /** Seconds to wait for an answer before asking TransactionStatus. */
  responseTimeoutSeconds: z.number().int().min(5).max(300),
});

export const ProfileSchema = z.discriminatedUnion('kind', [
  PrinterProfileSchema,
  ScaleProfileSchema,
  ScannerProfileSchema,
  DisplayProfileSchema,
  TerminalProfileSchema,
]);

export type PrinterProfile = z.infer<typeof PrinterProfileSchema>;
export type ScaleProfile = z.infer<typeof ScaleProfileSchema>;
export type ScannerProfile = z.infer<typeof ScannerProfileSchema>;
export type DisplayProfile = z.infer<typeof DisplayProfileSchema>;
export type TerminalProfile = z.infer<typeof TerminalProfileSchema>;
export type FirmwareProfile = z.infer<typeof ProfileSchema>;
export type ProfileKind = FirmwareProfile['kind'];

/** A file as written: only what inheritance needs is checked before the merge. */
export const RawProfileSchema = z.looseObject({
  id: ProfileId,
  kind: z.enum(['printer', 'scale', 'scanner', 'display', 'terminal']).optional(),
  extends: ProfileId.nullable().optional(),
});
