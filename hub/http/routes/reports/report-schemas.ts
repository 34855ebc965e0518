import { z } from '@hono/zod-openapi';
import { REPORT_NAMES } from '../../../services/reports/report-csv.js';

// Request and response schemas of /reports and /dashboard.

const Id = z.string().min(1).max(64);
const Minor = z.number().int();
const Count = z.number().int();

export const ReportFilterSchema = z.strictObject({
  from: z.iso
    .date()
    .openapi({ description: 'First local date (store time zone), included', example: '2026-12-01' }),
  to: z.iso.date().openapi({ description: 'Last local date, included', example: '2026-12-31' }),
  tillId: Id.optional(),
  staffId: Id.optional(),
  categoryId: Id.optional(),
});

export const GranularitySchema = z.enum(['hour', 'day', 'week', 'month', 'year']);
export const ProductSortSchema = z.enum(['revenue', 'quantity', 'margin']);
export const ProductOrderSchema = z.enum(['best', 'worst']);
const Limit = z.coerce.number().int().min(1).max(500).default(50);
const Offset = z.coerce.number().int().min(0).max(10_000_000).default(0);

export const SalesQuerySchema = ReportFilterSchema.extend({ granularity: GranularitySchema.default('day') });
export const ProductsQuerySchema = ReportFilterSchema.extend({
  sort: ProductSortSchema.default('revenue'),
  order: ProductOrderSchema.default('best'),
  limit: Limit,
  offset: Offset,
});
export const PagedReportQuerySchema = ReportFilterSchema.extend({ limit: Limit, offset: Offset });
export const LowStockQuerySchema = z.strictObject({
  categoryId: Id.optional(),
  limit: Limit,
  offset: Offset,
});

/** The export takes every report's parameters; each report reads the ones it has. */
export const ReportNameSchema = z.enum(REPORT_NAMES);

export const ExportQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  tillId: Id.optional(),
  staffId: Id.optional(),
  categoryId: Id.optional(),
  granularity: GranularitySchema.default('day'),
  sort: ProductSortSchema.default('revenue'),
  order: ProductOrderSchema.default('best'),
});

export const FiguresSchema = z
  .object({
    sales: Count,
    returns: Count,
    items: Count,
    grossMinor: Minor,
    discountMinor: Minor,
    taxMinor: Minor,
    totalMinor: Minor,
    returnsMinor: Minor,
    costMinor: Minor,
    marginMinor: Minor,
  })
  .openapi('ReportFigures');

export const SalesReportSchema = z
  .object({
    granularity: GranularitySchema,
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    buckets: z.array(
      z.object({
        key: z.string(),
        current: FiguresSchema,
        previousKey: z.string().nullable(),
        previous: FiguresSchema,
      }),
    ),
    totals: FiguresSchema,
    previousTotals: FiguresSchema,
  })
  .openapi('SalesReport');

export const ProductsReportSchema = z
  .object({
    items: z.array(
      z.object({
        productId: z.string(),
        sku: z.string().nullable(),
        name: z.string().nullable(),
        categoryId: z.string(),
        quantity: Count,
        returnedQuantity: Count,
        lines: Count,
        grossMinor: Minor,
        discountMinor: Minor,
        taxMinor: Minor,
        totalMinor: Minor,
        costMinor: Minor,
        marginMinor: Minor,
      }),
    ),
    total: Count,
    nextOffset: Count.nullable(),
    totals: z.object({
      products: Count,
      quantity: Count,
      taxMinor: Minor,
      totalMinor: Minor,
      costMinor: Minor,
    }),
  })
  .openapi('ProductsReport');

export const CategoriesReportSchema = z
  .object({
    categories: z.array(
      z.object({
        categoryId: z.string(),
        name: z.string().nullable(),
        lines: Count,
        grossMinor: Minor,
        discountMinor: Minor,
        taxMinor: Minor,
        totalMinor: Minor,
        costMinor: Minor,
        marginMinor: Minor,
      }),
    ),
    totals: z.object({ totalMinor: Minor, taxMinor: Minor, costMinor: Minor, discountMinor: Minor }),
  })
  .openapi('CategoriesReport');

export const PaymentsReportSchema = z
  .object({
    tenders: z.array(
      z.object({
        tenderId: z.string(),
        name: z.string(),
        tenderKind: z.string(),
        charges: Count,
        chargeMinor: Minor,
        refunds: Count,
        refundMinor: Minor,
        netMinor: Minor,
      }),
    ),
    totals: z.object({ chargeMinor: Minor, refundMinor: Minor, netMinor: Minor }),
  })
  .openapi('PaymentsReport');

export const DiscountsReportSchema = z
  .object({
    days: z.array(
      z.object({
        date: z.string(),
        promotionMinor: Minor,
        lineMinor: Minor,
        saleMinor: Minor,
        totalMinor: Minor,
        grossMinor: Minor,
      }),
    ),
    totals: z.object({
      promotionMinor: Minor,
      lineMinor: Minor,
      saleMinor: Minor,
      totalMinor: Minor,
      grossMinor: Minor,
    }),
    voids: z.object({
      count: Count,
      totalMinor: Minor,
      recent: z.array(
        z.object({
          saleId: z.string(),
          voidedAt: z.string(),
          tillId: z.string(),
          tillName: z.string().nullable(),
          staffId: z.string(),
          staffName: z.string().nullable(),
          voidedBy: z.string().nullable(),
          voidedByName: z.string().nullable(),
          lines: Count,
          totalMinor: Minor,
        }),
      ),
    }),
    removedLines: z.array(
      z.object({
        staffId: z.string().nullable(),
        staffName: z.string().nullable(),
        lines: Count,
        grossMinor: Minor,
      }),
    ),
  })
  .openapi('DiscountsReport');

export const RefundsReportSchema = z
  .object({
    days: z.array(z.object({ date: z.string(), returns: Count, totalMinor: Minor })),
    reasons: z.array(z.object({ reason: z.string(), lines: Count, quantity: Count, totalMinor: Minor })),
    tenders: z.array(
      z.object({
        tenderId: z.string(),
        name: z.string(),
        tenderKind: z.string(),
        refunds: Count,
        amountMinor: Minor,
      }),
    ),
    totals: z.object({ returns: Count, totalMinor: Minor }),
  })
  .openapi('RefundsReport');

export const TaxReportSchema = z
  .object({
    rates: z.array(
      z.object({
        taxRateBp: Count,
        salesNetMinor: Minor,
        salesTaxMinor: Minor,
        returnsNetMinor: Minor,
        returnsTaxMinor: Minor,
        netMinor: Minor,
        taxMinor: Minor,
        totalMinor: Minor,
      }),
    ),
    totals: z.object({ netMinor: Minor, taxMinor: Minor, totalMinor: Minor }),
  })
  .openapi('TaxReport');

export const CashSessionsReportSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        tillId: z.string(),
        tillName: z.string().nullable(),
        status: z.enum(['open', 'closed']),
        openedAt: z.string(),
        openedBy: z.string(),
        openedByName: z.string().nullable(),
        closedAt: z.string().nullable(),
        closedByName: z.string().nullable(),
        floatMinor: Minor,
        expectedMinor: Minor.nullable(),
        countedMinor: Minor.nullable(),
        differenceMinor: Minor.nullable(),
        zNumber: Count.nullable(),
        grandTotalMinor: Minor.nullable(),
      }),
    ),
    total: Count,
    nextOffset: Count.nullable(),
    totals: z.object({ count: Count, differenceMinor: Minor, open: Count }),
  })
  .openapi('CashSessionsReport');

export const LowStockItemSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  categoryId: z.string().nullable(),
  onHand: Count,
  reorderPoint: Count,
});

export const LowStockReportSchema = z
  .object({
    items: z.array(LowStockItemSchema),
    total: Count,
    nextOffset: Count.nullable(),
  })
  .openapi('LowStockReport');
