import type { NexoIds } from '../../terminal/nexo-messages.js';

/** Response bodies a terminal sends, built by the simulator (plaintext, before sealing). */
export function responseHeader(ids: NexoIds, category: string, serviceId: string): Record<string, unknown> {
  return {
    ProtocolVersion: '3.0',
    MessageClass: 'Service',
    MessageCategory: category,
    MessageType: 'Response',
    ServiceID: serviceId,
    SaleID: ids.saleId,
    POIID: ids.poiId,
  };
}

export interface ApprovedPayment {
  transactionId: string;
  timeStamp: string;
  amountText: string;
  currency: string;
  maskedPan: string;
}

export function approvedPaymentBody(payment: ApprovedPayment): Record<string, unknown> {
  const line = (name: string, value: string) => ({
    Text: new URLSearchParams({ key: name.toLowerCase(), name, value }).toString(),
  });
  return {
    Response: { Result: 'Success', AdditionalResponse: 'message=Approved' },
    POIData: { POITransactionID: { TransactionID: payment.transactionId, TimeStamp: payment.timeStamp } },
    PaymentResult: {
      PaymentInstrumentData: { CardData: { MaskedPan: payment.maskedPan, PaymentBrand: 'visa' } },
      AmountsResp: { AuthorizedAmount: `__AMOUNT__`, Currency: payment.currency },
    },
    PaymentReceipt: [
      {
        DocumentQualifier: 'CustomerReceipt',
        OutputContent: {
          OutputFormat: 'Text',
          OutputText: [
            line('Card', payment.maskedPan),
            line('Amount', `${payment.amountText} ${payment.currency}`),
            line('Result', 'APPROVED'),
          ],
        },
      },
    ],
  };
}

export function failedPaymentBody(condition: string, message: string): Record<string, unknown> {
  return {
    Response: {
      Result: 'Failure',
      ErrorCondition: condition,
      AdditionalResponse: new URLSearchParams({ message }).toString(),
    },
  };
}

/** Plaintext JSON of a response, with the authorised amount written as an exact number literal. */
export function responseText(
  ids: NexoIds,
  category: string,
  serviceId: string,
  bodyKey: string,
  body: Record<string, unknown>,
  amountText: string | null,
): string {
  const json = JSON.stringify({
    SaleToPOIResponse: { MessageHeader: responseHeader(ids, category, serviceId), [bodyKey]: body },
  });
  return amountText === null ? json : json.replace('"__AMOUNT__"', amountText);
}
