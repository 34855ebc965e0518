import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { readLoyaltySettingsJson } from '../../db/loyalty-queries.js';

const TierSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^\p{Cc}]*$/u, 'No control characters'),
  minPoints: z.number().int().min(0).max(100_000_000),
  multiplierBp: z.number().int().min(0).max(100_000),
});

/** The loyalty programme's rules: one document, validated here whenever it is written or read. */
export const LoyaltySettingsSchema = z
  .strictObject({
    enabled: z.boolean(),
    earnPoints: z.number().int().min(0).max(10_000),
    spendStepMinor: z.number().int().min(1).max(10_000_000),
    /** What one point is worth, in minor units, when points pay for a sale. */
    pointValueMinor: z.number().int().min(1).max(1_000_000),
    tiers: z
      .array(TierSchema)
      .max(10)
      .refine((tiers) => new Set(tiers.map((t) => t.minPoints)).size === tiers.length, {
        message: 'Two tiers start at the same points',
      })
      .refine((tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length, {
        message: 'Two tiers have the same name',
      }),
  })
  .openapi('LoyaltySettings');

export type LoyaltySettings = z.infer<typeof LoyaltySettingsSchema>;

/** Off until a manager turns it on; then 1 point per 1.00 spent, each point worth 0.01 (1 % back). */
export const DEFAULT_LOYALTY: LoyaltySettings = {
  enabled: false,
  earnPoints: 1,
  spendStepMinor: 100,
  pointValueMinor: 1,
  tiers: [],
};

export function readLoyaltySettings(db: Db): LoyaltySettings {
  const json = readLoyaltySettingsJson(db);
  if (json === undefined) return DEFAULT_LOYALTY;
  const parsed = LoyaltySettingsSchema.safeParse(JSON.parse(json));
  // A stored document that no longer validates is a fault worth stopping on, not a silent default.
  if (!parsed.success) throw new Error(`stored loyalty settings are not valid: ${parsed.error.message}`);
  return { ...parsed.data, tiers: [...parsed.data.tiers].sort((a, b) => a.minPoints - b.minPoints) };
}
