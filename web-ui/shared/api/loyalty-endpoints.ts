import type { HubApiClient } from './client.js';
import { integer, object } from './decode.js';

export interface PointsBalance {
  enabled: boolean;
  balancePoints: number;
  /** What the balance pays for at the till, in minor units. */
  balanceValueMinor: number;
}

/** A customer's loyalty points, as the till shows them next to the attached customer. */
export async function pointsOf(
  api: HubApiClient,
  customerId: string,
  signal?: AbortSignal,
): Promise<PointsBalance> {
  const o = object(
    await api.request(`/loyalty/customers/${encodeURIComponent(customerId)}`, signal ? { signal } : {}),
    'loyalty',
  );
  return {
    enabled: o.enabled === true,
    balancePoints: integer(o, 'balancePoints', 'loyalty'),
    balanceValueMinor: integer(o, 'balanceValueMinor', 'loyalty'),
  };
}
