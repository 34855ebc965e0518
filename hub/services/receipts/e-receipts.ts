import { renderSVG } from 'uqr';
import { escapeHtml } from '../../domain/html-escape.js';
import { BusinessRuleError, NotFoundError, UnavailableError } from '../../errors.js';
import type { SaleView } from '../sales/types.js';
import type { StoreSettings } from '../settings/settings-schema.js';
import type { MailSender } from './email/mail-sender.js';
import type { SmtpSettings } from './email/smtp-settings.js';
import { htmlPage } from './html-page.js';
import { messagesFor } from './messages/index.js';
import { makeReceiptToken, receiptUrl, verifyReceiptToken } from './receipt-token.js';
import { renderReceipt } from './render-sale.js';
import { receiptToHtml } from './to-html.js';
import { receiptToPlainText } from './to-text.js';

export interface EReceiptDeps {
  sale(saleId: string): SaleView;
  /** By printed receipt code; throws NotFoundError for an unknown one. */
  saleByReceipt(code: string): SaleView;
  store(): StoreSettings;
  /** Signs receipt URLs (loadOrCreateSecret(dataDir, 'receipts')). */
  secret: string;
  /**
   * The address used when the store set no publicBaseUrl: the demo's LAN URL, so a phone on the store
   * Wi-Fi opens the QR; null elsewhere (a real store's receipts then carry no QR).
   */
  fallbackBaseUrl(): string | null;
  /** Whether the sale's original receipt was ever queued for printing. */
  printed(saleId: string): boolean;
  smtp: SmtpSettings;
  send: MailSender;
}

/** What the till shows after a sale: the receipt number, the QR and whether the next print is a COPY. */
export interface EReceiptView {
  saleId: string;
  receiptCode: string;
  /** The public receipt page; null when the store has no public address. */
  url: string | null;
  /** Same-origin path of the QR code as SVG (no credentials needed: it carries the token). */
  qrPath: string | null;
  /** The original receipt went to a printer: printing again gives a COPY. */
  printed: boolean;
  emailConfigured: boolean;
}

/** A public page: its HTML and HTTP status. Unknown code and bad token give the very same 404. */
export interface PublicPage {
  status: 200 | 404;
  html: string;
}

/**
 * E-receipts: the public receipt page behind the QR code (an unguessable URL, see receipt-token.ts), its
 * QR code as SVG, the till's view of a finished sale's receipt, and the receipt by e-mail. Every text is
 * in the store's language, rendered from the same document the printer gets.
 */
export class EReceipts {
  constructor(private readonly deps: EReceiptDeps) {}

  publicBaseUrl(): string | null {
    return this.deps.store().publicBaseUrl ?? this.deps.fallbackBaseUrl();
  }

  /** The URL printed as the receipt's QR code, or null. */
  urlOf(sale: SaleView): string | null {
    if (!sale.receipt) return null;
    return receiptUrl(this.publicBaseUrl(), sale.receipt.code, sale.id, this.deps.secret);
  }

  forTill(saleId: string): EReceiptView {
    const sale = this.completed(saleId);
    const code = sale.receipt.code;
    const url = this.urlOf(sale);
    return {
      saleId,
      receiptCode: code,
      url,
      qrPath: url === null ? null : `/r/${encodeURIComponent(code)}/qr.svg?t=${this.token(sale)}`,
      printed: this.deps.printed(saleId),
      emailConfigured: this.deps.smtp.connection() !== null,
    };
  }

  /** The receipt page for /r/<code>?t=<token>. */
  page(code: string, token: string): PublicPage {
    const sale = this.findPublic(code, token);
    if (!sale) return { status: 404, html: this.notFoundHtml() };
    const store = this.deps.store();
    const m = messagesFor(store.locale);
    return {
      status: 200,
      html: htmlPage({
        lang: store.locale,
        title: `${m.receipt} ${sale.receipt.code} · ${store.name}`,
        contentHtml: receiptToHtml(this.document(sale)),
      }),
    };
  }

  /** The QR code of the receipt URL as SVG, or null (same rules as the page, and a URL must exist). */
  qrSvg(code: string, token: string): string | null {
    const sale = this.findPublic(code, token);
    const url = sale ? this.urlOf(sale) : null;
    return url === null ? null : renderSVG(url, { ecc: 'M', border: 2, pixelSize: 8 });
  }

  notFoundHtml(): string {
    const store = this.deps.store();
    const m = messagesFor(store.locale);
    return htmlPage({
      lang: store.locale,
      title: m.receiptNotFound,
      contentHtml: `<main class="missing"><h1>${escapeHtml(m.receiptNotFound)}</h1><p>${escapeHtml(
        m.receiptNotFoundHint,
      )}</p></main>`,
    });
  }

  /** Mails the receipt (text and HTML, the store's language) to `to`; throws when it cannot. */
  /** A short mail through the saved server, in the store's language, so the manager knows it works. */
  async testMail(to: string): Promise<{ to: string; messageId: string }> {
    const connection = this.deps.smtp.connection();
    if (connection === null) {
      throw new BusinessRuleError('EMAIL_NOT_CONFIGURED', 'No mail server is set up for this store yet.');
    }
    const store = this.deps.store();
    const m = messagesFor(store.locale);
    try {
      const sent = await this.deps.send(connection, {
        to,
        fromName: store.name,
        subject: `${m.testMailSubject} · ${store.name}`,
        text: m.testMailText,
        html: htmlPage({
          lang: store.locale,
          title: m.testMailSubject,
          contentHtml: `<p class="intro">${escapeHtml(m.testMailText)}</p>`,
        }),
      });
      return { to, messageId: sent.messageId };
    } catch (error) {
      throw new UnavailableError(
        'EMAIL_NOT_SENT',
        `The mail server did not take the test mail: ${error instanceof Error ? error.message : String(error)}`,
        { host: connection.host, port: connection.port },
      );
    }
  }

  async email(saleId: string, to: string): Promise<{ to: string; messageId: string }> {
    const sale = this.completed(saleId);
    const connection = this.deps.smtp.connection();
    if (connection === null) {
      throw new BusinessRuleError(
        'EMAIL_NOT_CONFIGURED',
        'No mail server is set up for this store: a manager sets one in the settings (SMTP).',
      );
    }
    const store = this.deps.store();
    const m = messagesFor(store.locale);
    const doc = this.document(sale);
    const url = this.urlOf(sale);
    const link =
      url === null ? '' : `<p class="intro"><a href="${escapeHtml(url)}">${escapeHtml(m.viewOnline)}</a></p>`;
    try {
      const sent = await this.deps.send(connection, {
        to,
        fromName: store.name,
        subject: `${m.receipt} ${sale.receipt.code} · ${store.name}`,
        text: [
          m.emailIntro,
          '',
          receiptToPlainText(doc),
          ...(url === null ? [] : [`${m.viewOnline}: ${url}`]),
        ].join('\n'),
        html: htmlPage({
          lang: store.locale,
          title: `${m.receipt} ${sale.receipt.code}`,
          contentHtml: `<p class="intro">${escapeHtml(m.emailIntro)}</p>${link}${receiptToHtml(doc)}`,
        }),
      });
      return { to, messageId: sent.messageId };
    } catch (error) {
      throw new UnavailableError(
        'EMAIL_NOT_SENT',
        `The mail server did not take the receipt: ${error instanceof Error ? error.message : String(error)}`,
        { host: connection.host, port: connection.port },
      );
    }
  }

  private document(sale: SaleView) {
    return renderReceipt(sale, this.deps.store(), { copy: false, profile: null, receiptUrl: null });
  }

  private token(sale: SaleView): string {
    return makeReceiptToken(sale.id, this.deps.secret);
  }

  private completed(saleId: string): SaleView & { receipt: NonNullable<SaleView['receipt']> } {
    const sale = this.deps.sale(saleId);
    const receipt = sale.receipt;
    if (sale.status !== 'completed' || receipt === null) {
      throw new BusinessRuleError('SALE_NOT_COMPLETED', 'Only a completed sale has a receipt', {
        saleId,
        status: sale.status,
      });
    }
    return { ...sale, receipt };
  }

  private findPublic(
    code: string,
    token: string,
  ): (SaleView & { receipt: NonNullable<SaleView['receipt']> }) | null {
    let sale: SaleView | null = null;
    try {
      sale = this.deps.saleByReceipt(code);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    // The token is checked even for an unknown code, so the answer takes as long either way.
    const valid = verifyReceiptToken(sale?.id ?? code, token, this.deps.secret);
    const receipt = sale?.receipt ?? null;
    // The printed code only: the barcode form of the same receipt is not a second address for it.
    if (!sale || !valid || receipt?.code !== code || sale.status !== 'completed') return null;
    return { ...sale, receipt };
  }
}
