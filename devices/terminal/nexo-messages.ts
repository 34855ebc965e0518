import { createHash } from 'node:crypto';
import { DecimalText, minorToDecimal } from './nexo-amount.js';

/**
 * nexo Sale-to-POI request bodies as Adyen's local Terminal API takes them (protocol 3.0). ServiceID
 * identifies a request/response pair and may be at most 10 characters, so it is derived from our payment
 * id: a status enquiry after a crash can name the original request without anything stored beside it.
 */
export interface NexoIds {
  saleId: string;
  poiId: string;
}

export type MessageCategory = 'Payment' | 'TransactionStatus' | 'Abort' | 'Reversal';

export function serviceIdFor(paymentId: string): string {
  const digest = createHash('sha256').update(paymentId).digest();
  return BigInt(`0x${digest.subarray(0, 8).toString('hex')}`)
    .toString(36)
    .padStart(10, '0')
    .slice(-10);
}

export function messageHeader(
  ids: NexoIds,
  category: MessageCategory,
  serviceId: string,
): Record<string, unknown> {
  return {
    ProtocolVersion: '3.0',
    MessageClass: 'Service',
    MessageCategory: category,
    MessageType: 'Request',
    ServiceID: serviceId,
    SaleID: ids.saleId,
    POIID: ids.poiId,
  };
}

export interface PaymentInput {
  paymentId: string;
  amountMinor: number;
  currency: string;
  exponent: number;
  at: string;
}

export function paymentRequest(ids: NexoIds, input: PaymentInput): Record<string, unknown> {
  return {
    SaleToPOIRequest: {
      MessageHeader: messageHeader(ids, 'Payment', serviceIdFor(input.paymentId)),
      PaymentRequest: {
        SaleData: { SaleTransactionID: { TransactionID: input.paymentId, TimeStamp: input.at } },
        PaymentTransaction: {
          AmountsReq: {
            Currency: input.currency,
            RequestedAmount: new DecimalText(minorToDecimal(input.amountMinor, input.exponent)),
          },
        },
      },
    },
  };
}

/** Asks for the outcome of the payment request made for this payment id. */
export function transactionStatusRequest(
  ids: NexoIds,
  paymentId: string,
  enquiryId: string,
): Record<string, unknown> {
  return {
    SaleToPOIRequest: {
      MessageHeader: messageHeader(ids, 'TransactionStatus', serviceIdFor(enquiryId)),
      TransactionStatusRequest: {
        ReceiptReprintFlag: true,
        DocumentQualifier: ['CashierReceipt', 'CustomerReceipt'],
        MessageReference: {
          MessageCategory: 'Payment',
          SaleID: ids.saleId,
          ServiceID: serviceIdFor(paymentId),
        },
      },
    },
  };
}

export function abortRequest(ids: NexoIds, paymentId: string, abortId: string): Record<string, unknown> {
  return {
    SaleToPOIRequest: {
      MessageHeader: messageHeader(ids, 'Abort', serviceIdFor(abortId)),
      AbortRequest: {
        AbortReason: 'MerchantAbort',
        MessageReference: {
          MessageCategory: 'Payment',
          SaleID: ids.saleId,
          ServiceID: serviceIdFor(paymentId),
          POIID: ids.poiId,
        },
      },
    },
  };
}

export interface ReversalInput {
  refundId: string;
  /** The approved payment's reference as the adapter recorded it: "<POI TransactionID>|<TimeStamp>". */
  originalReference: string;
  amountMinor: number;
  currency: string;
  exponent: number;
}

export function reversalRequest(ids: NexoIds, input: ReversalInput): Record<string, unknown> {
  const [transactionId = '', timeStamp = ''] = input.originalReference.split('|');
  return {
    SaleToPOIRequest: {
      MessageHeader: messageHeader(ids, 'Reversal', serviceIdFor(input.refundId)),
      ReversalRequest: {
        OriginalPOITransaction: { POITransactionID: { TransactionID: transactionId, TimeStamp: timeStamp } },
        ReversalReason: 'MerchantCancel',
        ReversedAmount: new DecimalText(minorToDecimal(input.amountMinor, input.exponent)),
        SaleData: {
          SaleTransactionID: { TransactionID: input.refundId, TimeStamp: new Date().toISOString() },
        },
      },
    },
  };
}
