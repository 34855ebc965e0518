import { msg, str } from '@lit/localize';
import type { HubApiClient } from '../../shared/api/client.js';
import { HubApiError } from '../../shared/api/errors.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { archivePromotion, deletePromotion, endPromotion, type Promotion } from './promotions-api.js';

/**
 * The two actions both promotions pages offer, asked once and said the same way: end a running campaign
 * now, and delete one (archived instead when sales got it, since they keep naming it). Each resolves with
 * the sentence for the page's notice, or null when the manager said no.
 */
export async function endCampaign(host: Element, api: HubApiClient, p: Promotion): Promise<string | null> {
  const sure = await confirmAction(host, {
    heading: msg(str`End ${p.name} now?`),
    text: msg(
      'Prices go back to normal from the next change to a cart. Sales already made keep their prices.',
    ),
    confirmLabel: msg('End now'),
  });
  if (!sure) return null;
  return msg(str`${(await endPromotion(api, p.id)).name} has ended.`);
}

export async function removeCampaign(host: Element, api: HubApiClient, p: Promotion): Promise<string | null> {
  const sure = await confirmAction(host, {
    heading: msg(str`Delete ${p.name}?`),
    text: msg('The campaign is removed for good. One that sales already got is archived instead.'),
    confirmLabel: msg('Delete'),
    danger: true,
  });
  if (!sure) return null;
  try {
    await deletePromotion(api, p.id);
    return msg(str`${p.name} is deleted.`);
  } catch (error) {
    if (!(error instanceof HubApiError) || error.code !== 'PROMOTION_IN_USE') throw error;
    await archivePromotion(api, p.id);
    return msg(str`${p.name} was given on sales, so it is archived: sales keep naming it.`);
  }
}
