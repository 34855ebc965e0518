import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createReceiptsApi } from '../../http/routes/receipts.js';
import { EReceipts, type EReceiptDeps } from './e-receipts.js';
import { sendBySmtp } from './email/mail-sender.js';
import { SmtpSettings } from './email/smtp-settings.js';

export interface EReceiptsModule {
  service: EReceipts;
  smtp: SmtpSettings;
  /** GET /sales/{id}/e-receipt, POST /sales/{id}/email, GET|PUT|DELETE /settings/smtp. */
  api: ApiModule[];
}

/** E-receipts (public page, QR, e-mail) and the mail server settings; the public page is mounted by hub.ts. */
export function createEReceiptsModule(
  ctx: HubContext,
  deps: Omit<EReceiptDeps, 'smtp' | 'send'> & Partial<Pick<EReceiptDeps, 'send'>>,
): EReceiptsModule {
  const smtp = new SmtpSettings(ctx);
  const service = new EReceipts({ ...deps, smtp, send: deps.send ?? sendBySmtp });
  return { service, smtp, api: createReceiptsApi(service, smtp) };
}
