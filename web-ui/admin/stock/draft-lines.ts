import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { storeMoney } from '../../shared/format/store-format.js';
import type { Column } from '../components/table.js';
import type { StockLevel } from './stock-api.js';
import { parseCost, parseQuantity, quantity, quantityHint } from './stock-format.js';

/** A product on a delivery or an order being put together, with what was typed for it. */
export interface DraftLine {
  product: StockLevel;
  quantity: string;
  cost: string;
}

/** Adds a picked product once; picking it again keeps the line as it is. */
export function withProduct(lines: readonly DraftLine[], product: StockLevel): DraftLine[] {
  if (lines.some((l) => l.product.productId === product.productId)) return [...lines];
  return [...lines, { product, quantity: '1', cost: '' }];
}

/** The columns of a draft: product, on hand, and inputs for the quantity and the unit cost. */
export function draftColumns(): Column<DraftLine>[] {
  const edit = (line: DraftLine, key: 'quantity' | 'cost') => (event: Event) => {
    line[key] = (event.target as HTMLInputElement).value;
  };
  return [
    {
      header: msg('Product'),
      cell: (l) => html`${l.product.name}<br /><span class="muted">${l.product.sku}</span>`,
    },
    { header: msg('On hand'), cell: (l) => quantity(l.product.onHand, l.product.unit), align: 'end' },
    {
      header: msg('Quantity'),
      align: 'end',
      cell: (l) =>
        html`<label class="field"
          ><span class="visually-hidden"
            >${msg(str`Quantity of ${l.product.name} in ${quantityHint(l.product.unit)}`)}</span
          ><input inputmode="numeric" size="6" required .value=${l.quantity} @input=${edit(l, 'quantity')}
        /></label>`,
    },
    {
      header: msg('Unit cost'),
      align: 'end',
      cell: (l) =>
        html`<label class="field"
          ><span class="visually-hidden">${msg(str`Unit cost of ${l.product.name}`)}</span
          ><input
            inputmode="decimal"
            size="8"
            .value=${l.cost}
            placeholder=${storeMoney(l.product.costMinor)}
            @input=${edit(l, 'cost')}
        /></label>`,
    },
  ];
}

export type ParsedLines =
  | { ok: true; lines: { productId: string; quantity: number; costMinor?: number }[] }
  | { ok: false; error: string };

/** The typed quantities and costs as the hub takes them; an empty cost means the product's own. */
export function parseDraft(lines: readonly DraftLine[]): ParsedLines {
  const parsed = [];
  for (const l of lines) {
    const qty = parseQuantity(l.quantity);
    const cost = l.cost.trim() === '' ? undefined : parseCost(l.cost);
    if (qty === null || qty === 0 || cost === null) {
      return { ok: false, error: msg(str`Check the quantity and cost of ${l.product.name}.`) };
    }
    parsed.push({
      productId: l.product.productId,
      quantity: qty,
      ...(cost === undefined ? {} : { costMinor: cost }),
    });
  }
  return { ok: true, lines: parsed };
}
