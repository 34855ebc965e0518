import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, string } from '../../shared/api/decode.js';
import type { Tier } from './customers-api.js';

export interface LoyaltySettings {
  enabled: boolean;
  earnPoints: number;
  spendStepMinor: number;
  pointValueMinor: number;
  tiers: Tier[];
}

function decodeSettings(value: unknown): LoyaltySettings {
  const o = object(value, 'loyalty settings');
  return {
    enabled: o.enabled === true,
    earnPoints: integer(o, 'earnPoints', 'loyalty settings'),
    spendStepMinor: integer(o, 'spendStepMinor', 'loyalty settings'),
    pointValueMinor: integer(o, 'pointValueMinor', 'loyalty settings'),
    tiers: array(o, 'tiers', 'loyalty settings').map((v) => {
      const t = object(v, 'tier');
      return {
        name: string(t, 'name', 'tier'),
        minPoints: integer(t, 'minPoints', 'tier'),
        multiplierBp: integer(t, 'multiplierBp', 'tier'),
      };
    }),
  };
}

export async function getLoyaltySettings(api: HubApiClient): Promise<LoyaltySettings> {
  return decodeSettings(await api.request('/loyalty/settings'));
}

export async function saveLoyaltySettings(
  api: HubApiClient,
  settings: LoyaltySettings,
): Promise<LoyaltySettings> {
  return decodeSettings(await api.request('/loyalty/settings', { method: 'PUT', body: settings }));
}
