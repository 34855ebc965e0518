import type { HubApiClient } from '../../shared/api/client.js';
import { integer, object, oneOf, string } from '../../shared/api/decode.js';
import { decodePage } from '../components/paged-list.js';

/** A scale label layout: an EAN-13 of prefix, item code, optional price verifier, the price or weight. */
export interface LabelTemplate {
  id: string;
  name: string;
  prefix: string;
  itemDigits: number;
  value: 'price' | 'weight';
  valueDigits: number;
  decimals: number;
  verifier: boolean;
  active: boolean;
}

function decodeTemplate(value: unknown): LabelTemplate {
  const o = object(value, 'label template');
  return {
    id: string(o, 'id', 'label template'),
    name: string(o, 'name', 'label template'),
    prefix: string(o, 'prefix', 'label template'),
    itemDigits: integer(o, 'itemDigits', 'label template'),
    value: oneOf(o, 'value', ['price', 'weight'], 'label template'),
    valueDigits: integer(o, 'valueDigits', 'label template'),
    decimals: integer(o, 'decimals', 'label template'),
    verifier: o.verifier === true,
    active: o.active === true,
  };
}

export async function listLabelTemplates(api: HubApiClient): Promise<LabelTemplate[]> {
  return decodePage(await api.request('/label-templates?limit=500'), decodeTemplate, 'label templates').items;
}

export async function putLabelTemplate(api: HubApiClient, t: LabelTemplate): Promise<LabelTemplate> {
  const { id, ...body } = t;
  return decodeTemplate(
    await api.request(`/label-templates/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  );
}

export async function deleteLabelTemplate(api: HubApiClient, id: string): Promise<void> {
  await api.request(`/label-templates/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The label's 13 digits as a pattern: 2 = prefix, I = item, V = verifier, P/W = value, C = check digit. */
export function layoutPattern(
  t: Pick<LabelTemplate, 'prefix' | 'itemDigits' | 'value' | 'valueDigits' | 'verifier'>,
): string {
  return `${t.prefix}${'I'.repeat(t.itemDigits)}${t.verifier ? 'V' : ''}${(t.value === 'price' ? 'P' : 'W').repeat(t.valueDigits)}C`;
}
