import type { HubApiClient } from './client.js';
import { integer, object } from './decode.js';

/**
 * The till's own scale through the hub: a stable net weight (the hub asks the scale and waits for it to
 * settle) and the scale's tare and zero keys. Refusals come back as HubApiError: WEIGHT_UNSTABLE,
 * SCALE_UNAVAILABLE (details.reason says why), SCALE_REFUSED.
 */
export interface StableWeight {
  grams: number;
  tareGrams: number;
}

export async function readStableWeight(api: HubApiClient, tillId: string): Promise<StableWeight> {
  // The hub waits up to a few seconds for the load to settle; the client's 10 s timeout covers that.
  const o = object(await api.request(`/tills/${encodeURIComponent(tillId)}/scale/weight`), 'weight');
  return { grams: integer(o, 'grams', 'weight'), tareGrams: integer(o, 'tareGrams', 'weight') };
}

export async function adjustScale(
  api: HubApiClient,
  tillId: string,
  action: 'tare' | 'zero',
): Promise<{ tareGrams: number; grams: number | null }> {
  const o = object(
    await api.request(`/tills/${encodeURIComponent(tillId)}/scale/${action}`, { method: 'POST' }),
    'scale',
  );
  return {
    tareGrams: integer(o, 'tareGrams', 'scale'),
    grams: typeof o.grams === 'number' && Number.isSafeInteger(o.grams) ? o.grams : null,
  };
}
