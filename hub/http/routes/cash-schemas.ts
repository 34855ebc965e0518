import { z } from '@hono/zod-openapi';
import { MAX_COUNTED_MINOR, MAX_PIECES_PER_DENOMINATION } from '../../domain/cash-count.js';
import { MAX_MOVEMENT_MINOR, MAX_REASON_LENGTH } from '../../services/cash/validate.js';

const Minor = z.number().int();

export const DenominationCountSchema = z
  .strictObject({
    denominationMinor: z.number().int().min(1).max(MAX_COUNTED_MINOR),
    count: z.number().int().min(0).max(MAX_PIECES_PER_DENOMINATION),
  })
  .openapi('DenominationCount');

export const OverrideSchema = z
  .strictObject({ supervisorId: z.uuid(), pin: z.string().min(1).max(32) })
  .nullable()
  .optional()
  .openapi('Override');

const counts = z.array(DenominationCountSchema).min(1).max(50);
const totalMinor = z.number().int().min(0).max(MAX_COUNTED_MINOR);

/** A drawer count: pieces per denomination, or one total. Exactly one of the two. */
export const OpenSessionBodySchema = z
  .union([
    z.strictObject({ id: z.uuid(), counts, override: OverrideSchema }),
    z.strictObject({ id: z.uuid(), totalMinor, override: OverrideSchema }),
  ])
  .openapi('OpenCashSession');

export const CloseSessionBodySchema = z
  .union([
    z.strictObject({ counts, override: OverrideSchema }),
    z.strictObject({ totalMinor, override: OverrideSchema }),
  ])
  .openapi('CloseCashSession');

export const MovementBodySchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(['pay_in', 'pay_out', 'no_sale']),
    amountMinor: z.number().int().min(0).max(MAX_MOVEMENT_MINOR).optional(),
    reason: z.string().trim().min(1).max(MAX_REASON_LENGTH),
    override: OverrideSchema,
  })
  .openapi('CashMovementRequest');

export const SessionIdParamSchema = z.object({ id: z.uuid() });
export const ZNumberParamSchema = z.object({
  number: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const CashSessionSchema = z
  .object({
    id: z.string(),
    tillId: z.string(),
    status: z.enum(['open', 'closed']),
    currency: z.string(),
    openedBy: z.string(),
    openedAt: z.string(),
    floatMinor: Minor,
    floatCounts: z.array(DenominationCountSchema).nullable(),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    expectedMinor: Minor.nullable(),
    countedMinor: Minor.nullable(),
    differenceMinor: Minor.nullable(),
    zNumber: Minor.nullable(),
  })
  .openapi('CashSession');

export const CurrentSessionSchema = z
  .object({ session: CashSessionSchema.nullable() })
  .openapi('CurrentCashSession');

export const CashDenominationsSchema = z
  .object({
    currency: z.string(),
    denominations: z.array(
      z.object({
        valueMinor: Minor,
        kind: z.enum(['note', 'coin']),
        alsoIssuedAs: z.enum(['note', 'coin']).nullable(),
        circulates: z.boolean(),
      }),
    ),
  })
  .openapi('CashDenominations');

export const CashMovementSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    kind: z.enum(['pay_in', 'pay_out', 'no_sale']),
    amountMinor: Minor,
    reason: z.string(),
    staffId: z.string(),
    approvedBy: z.string().nullable(),
    at: z.string(),
  })
  .openapi('CashMovement');

const CountFigureSchema = z.object({ count: Minor, amountMinor: Minor }).openapi('CountFigure');

const FigureFields = {
  sessionId: z.string(),
  tillId: z.string(),
  currency: z.string(),
  openedBy: z.string(),
  openedAt: z.string(),
  takenAt: z.string(),
  sales: CountFigureSchema,
  returns: CountFigureSchema,
  netSalesMinor: Minor,
  tenders: z.array(
    z.object({
      tenderId: z.string(),
      tenderKind: z.string(),
      name: z.string(),
      charges: CountFigureSchema,
      refunds: CountFigureSchema,
      netMinor: Minor,
    }),
  ),
  taxes: z.array(z.object({ rateBp: Minor, baseMinor: Minor, taxMinor: Minor, grossMinor: Minor })),
  discountsMinor: Minor,
  roundingMinor: Minor,
  voidedSalesCount: Minor,
  noSaleCount: Minor,
  payIns: CountFigureSchema,
  payOuts: CountFigureSchema,
  floatMinor: Minor,
  cashSalesMinor: Minor,
  cashRefundsMinor: Minor,
  expectedCashMinor: Minor,
};

export const XReportSchema = z.object({ kind: z.literal('x'), ...FigureFields }).openapi('XReport');

export const ZReportSchema = z
  .object({
    kind: z.literal('z'),
    ...FigureFields,
    number: Minor,
    closedBy: z.string(),
    approvedBy: z.string().nullable(),
    countedMinor: Minor,
    differenceMinor: Minor,
    counts: z.array(DenominationCountSchema).nullable(),
    previousGrandTotalMinor: Minor,
    grandTotalMinor: Minor,
    previousGrandReturnsMinor: Minor,
    grandReturnsMinor: Minor,
    journalSeq: Minor,
  })
  .openapi('ZReport');

export const ZReportPageSchema = z
  .object({ items: z.array(ZReportSchema), total: Minor, nextOffset: Minor.nullable() })
  .openapi('ZReportPage');
