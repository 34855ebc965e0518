import { z } from '@hono/zod-openapi';

/** A calendar date where the shop is (YYYY-MM-DD); the service checks it is a real date. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date written YYYY-MM-DD');

const DaySchema = z.object({
  date: z.string(),
  workedMinutes: z.number().int(),
  breakMinutes: z.number().int(),
});

export const TimesheetSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    employees: z.array(
      z.object({
        staffId: z.string(),
        name: z.string(),
        roleName: z.string(),
        workedMinutes: z.number().int(),
        breakMinutes: z.number().int(),
        shifts: z.number().int(),
        days: z.array(DaySchema),
      }),
    ),
  })
  .openapi('Timesheet');

export const PerformanceSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    employees: z.array(
      z.object({
        staffId: z.string(),
        name: z.string(),
        roleName: z.string(),
        active: z.boolean(),
        transactions: z.number().int(),
        salesMinor: z.number().int(),
        items: z.number().int(),
        itemsPerSale: z.number(),
        averageSaleMinor: z.number().int(),
        refunds: z.number().int(),
        refundsMinor: z.number().int(),
        voidedSales: z.number().int(),
        voidedMinor: z.number().int(),
        removedLines: z.number().int(),
        discountsMinor: z.number().int(),
        discountedSales: z.number().int(),
        promotionsMinor: z.number().int(),
      }),
    ),
  })
  .openapi('StaffPerformance');
