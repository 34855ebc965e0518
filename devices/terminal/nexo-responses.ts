import { z } from 'zod';
import type { TerminalOutcome, TerminalStatus } from '../../hub/services/payments/terminal-adapter.js';
import { decimalToMinor, numberLiteral } from './nexo-amount.js';

/**
 * Reading what the terminal answered. Unknown fields are ignored; a reply we cannot read is `unknown`
 * (the card may have been charged), never approved and never declined.
 */
const ResponseSchema = z.object({
  Result: z.enum(['Success', 'Failure', 'Partial']),
  ErrorCondition: z.string().optional(),
  AdditionalResponse: z.string().optional(),
});

const ReceiptSchema = z.object({
  DocumentQualifier: z.string(),
  OutputContent: z.object({ OutputText: z.array(z.object({ Text: z.string() })).default([]) }),
});

const PaymentResponseSchema = z.object({
  Response: ResponseSchema,
  POIData: z
    .object({ POITransactionID: z.object({ TransactionID: z.string(), TimeStamp: z.string() }) })
    .optional(),
  PaymentResult: z
    .object({
      PaymentInstrumentData: z
        .object({ CardData: z.object({ MaskedPan: z.string().optional() }).optional() })
        .optional(),
    })
    .optional(),
  PaymentReceipt: z.array(ReceiptSchema).optional(),
});

const EnvelopeSchema = z.object({
  SaleToPOIResponse: z.object({
    PaymentResponse: PaymentResponseSchema.optional(),
    TransactionStatusResponse: z
      .object({
        Response: ResponseSchema,
        RepeatedMessageResponse: z
          .object({
            RepeatedResponseMessageBody: z.object({ PaymentResponse: PaymentResponseSchema.optional() }),
          })
          .optional(),
      })
      .optional(),
    ReversalResponse: z
      .object({
        Response: ResponseSchema,
        POIData: z
          .object({ POITransactionID: z.object({ TransactionID: z.string(), TimeStamp: z.string() }) })
          .optional(),
      })
      .optional(),
  }),
});
type Envelope = z.infer<typeof EnvelopeSchema>['SaleToPOIResponse'];
type PaymentResponse = z.infer<typeof PaymentResponseSchema>;
type NexoResponse = z.infer<typeof ResponseSchema>;

function envelope(plaintext: string): Envelope | null {
  try {
    const parsed = EnvelopeSchema.safeParse(JSON.parse(plaintext));
    return parsed.success ? parsed.data.SaleToPOIResponse : null;
  } catch {
    return null;
  }
}

/** AdditionalResponse is URL-encoded key=value pairs; `message` is what a person should read. */
function reasonOf(response: NexoResponse): string {
  const extra = new URLSearchParams(response.AdditionalResponse ?? '');
  const message = extra.get('message') ?? extra.get('refusalReason');
  return [response.ErrorCondition ?? response.Result, message].filter(Boolean).join(': ');
}

/** The customer receipt as plain lines: each OutputText is "key=..&name=..&value=..". */
function receiptText(payment: PaymentResponse): string | null {
  const receipt = payment.PaymentReceipt?.find((r) => r.DocumentQualifier === 'CustomerReceipt');
  if (!receipt) return null;
  return receipt.OutputContent.OutputText.map((line) => {
    const fields = new URLSearchParams(line.Text);
    return [fields.get('name'), fields.get('value')].filter(Boolean).join(': ');
  })
    .filter((line) => line.length > 0)
    .join('\n');
}

const NOT_CHARGED_CANCEL = new Set(['Cancel', 'Aborted']);

/** requestedMinor null: the amount asked is not known here (a status enquiry after a restart). */
function paymentOutcome(
  payment: PaymentResponse,
  plaintext: string,
  requestedMinor: number | null,
  exponent: number,
): TerminalOutcome {
  const { Response: response } = payment;
  if (response.Result === 'Success') {
    const id = payment.POIData?.POITransactionID;
    if (!id) return { status: 'unknown', reason: 'approved without a transaction id' };
    const authorised = numberLiteral(plaintext, 'AuthorizedAmount');
    if (
      requestedMinor !== null &&
      authorised !== null &&
      decimalToMinor(authorised, exponent) !== requestedMinor
    ) {
      // We never ask for partial approval; a different amount needs a person, not a guess.
      return { status: 'unknown', reason: `AMOUNT_MISMATCH: terminal authorised ${authorised}` };
    }
    return {
      status: 'approved',
      reference: `${id.TransactionID}|${id.TimeStamp}`,
      maskedPan: payment.PaymentResult?.PaymentInstrumentData?.CardData?.MaskedPan ?? null,
      receiptText: receiptText(payment),
    };
  }
  if (response.Result === 'Partial')
    return { status: 'unknown', reason: 'partial approval was not requested' };
  if (NOT_CHARGED_CANCEL.has(response.ErrorCondition ?? ''))
    return { status: 'cancelled', reason: reasonOf(response) };
  return { status: 'declined', reason: reasonOf(response) };
}

export function readPaymentResponse(
  plaintext: string,
  requestedMinor: number,
  exponent: number,
): TerminalOutcome {
  const payment = envelope(plaintext)?.PaymentResponse;
  if (!payment) return { status: 'unknown', reason: 'unreadable payment response' };
  return paymentOutcome(payment, plaintext, requestedMinor, exponent);
}

export function readTransactionStatus(
  plaintext: string,
  requestedMinor: number | null,
  exponent: number,
): TerminalStatus {
  const status = envelope(plaintext)?.TransactionStatusResponse;
  if (!status) return { status: 'unknown', reason: 'unreadable transaction status response' };
  if (status.Response.Result !== 'Success') {
    if (status.Response.ErrorCondition === 'InProgress') return { status: 'in_progress' };
    if (status.Response.ErrorCondition === 'NotFound') return { status: 'not_found' };
    return { status: 'unknown', reason: reasonOf(status.Response) };
  }
  const payment = status.RepeatedMessageResponse?.RepeatedResponseMessageBody.PaymentResponse;
  if (!payment) return { status: 'unknown', reason: 'status without the original payment response' };
  return paymentOutcome(payment, plaintext, requestedMinor, exponent);
}

export function readReversalResponse(plaintext: string): TerminalOutcome {
  const reversal = envelope(plaintext)?.ReversalResponse;
  if (!reversal) return { status: 'unknown', reason: 'unreadable reversal response' };
  if (reversal.Response.Result === 'Success') {
    const id = reversal.POIData?.POITransactionID;
    return {
      status: 'approved',
      reference: id ? `${id.TransactionID}|${id.TimeStamp}` : 'reversal',
      maskedPan: null,
      receiptText: null,
    };
  }
  return { status: 'declined', reason: reasonOf(reversal.Response) };
}
