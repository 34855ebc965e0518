import { z } from '@hono/zod-openapi';

// Request fields shared by the manager's ledger corrections (gift cards, loyalty points).

/** A signed, non-zero change to a balance. */
export const signedChange = (max: number) =>
  z
    .number()
    .int()
    .min(-max)
    .max(max)
    .refine((n) => n !== 0, 'must not be 0');

/** Why a manager changed a balance: kept on the entry and in the audit log. */
export const ReasonNote = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'No control characters');
