import type { Bitmap } from '../../../devices/escpos/commands.js';
import { getPrinterProfile } from '../../../firmware-profiles/index.js';
import { BusinessRuleError } from '../../errors.js';
import { receiptToEscpos, renderReceipt } from '../receipts/index.js';
import type { SaleView } from '../sales/types.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import type { ReceiptSource } from './types.js';

export interface ReceiptSourceDeps {
  /** SaleLifecycle.get (sales module): the sale as the till sees it. */
  sale(saleId: string): SaleView;
  /** The store settings (name, address, locale, time zone) at the moment of printing. */
  store(): StoreSettings;
  /** The verifiable receipt URL for the QR code (receiptUrl() in receipts), or null for none. */
  receiptUrl?(sale: SaleView): string | null;
  /** The store's receipt logo, or null (printed only where the printer has raster and room for it). */
  logo?(): Bitmap | null;
}

/**
 * Receipts rendered by the receipts module for the printer's own profile (columns, code pages, CJK
 * encoding), so the printing module stores exactly the bytes that printer understands.
 */
export function createReceiptSource(deps: ReceiptSourceDeps): ReceiptSource {
  return {
    renderSale(saleId, options) {
      const sale = deps.sale(saleId);
      if (sale.status !== 'completed') {
        throw new BusinessRuleError('SALE_NOT_COMPLETED', 'Only a completed sale has a receipt', {
          saleId,
          status: sale.status,
        });
      }
      const profile = getPrinterProfile(options.profileId);
      const logo = deps.logo?.() ?? null;
      const document = renderReceipt(sale, deps.store(), {
        copy: options.copy,
        profile,
        receiptUrl: deps.receiptUrl?.(sale) ?? null,
        ...(logo === null ? {} : { logo }),
      });
      return receiptToEscpos(document, profile);
    },
  };
}
