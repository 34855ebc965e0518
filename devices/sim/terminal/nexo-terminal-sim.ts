import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { generate } from 'selfsigned';
import { z } from 'zod';
import { numberLiteral } from '../../terminal/nexo-amount.js';
import { open, seal, type NexoKey } from '../../terminal/nexo-crypto.js';
import { approvedPaymentBody, failedPaymentBody, responseHeader, responseText } from './nexo-replies.js';

/**
 * A payment terminal speaking nexo over HTTPS as Adyen's local Terminal API does: encrypted messages,
 * Payment, TransactionStatus, Abort, Reversal. Scriptable per payment so tests and the demo can make it
 * approve, decline, time out (with or without charging), drop the connection mid-payment, or report the
 * card removed. It keeps every transaction, so TransactionStatus tells the truth about what happened.
 */
export type NexoBehaviour =
  | 'approve'
  | 'decline'
  | 'card_removed'
  /** Charges the card but never answers the payment request. */
  | 'timeout_charged'
  /** Never answers and never charges (the request was lost on the terminal). */
  | 'timeout_not_charged'
  /** Charges the card and closes the connection before answering. */
  | 'disconnect_charged'
  /** Waits for the shopper until aborted (status: InProgress). */
  | 'wait';

interface Transaction {
  serviceId: string;
  state: 'in_progress' | 'approved' | 'declined' | 'cancelled';
  /** The PaymentResponse body once final; the status enquiry repeats it. */
  body: Record<string, unknown> | null;
  amountText: string;
  reference: { transactionId: string; timeStamp: string } | null;
  finish: ((body: Record<string, unknown>, amountText: string | null) => void) | null;
}

const RequestEnvelope = z.object({
  SaleToPOIRequest: z.object({
    MessageHeader: z.record(z.string(), z.unknown()),
    NexoBlob: z.string(),
    SecurityTrailer: z.object({
      AdyenCryptoVersion: z.number(),
      KeyIdentifier: z.string(),
      KeyVersion: z.number(),
      Nonce: z.string(),
      Hmac: z.string(),
    }),
  }),
});

export interface NexoSimulatorOptions {
  key: NexoKey;
  poiId: string;
  host?: string;
  port?: number;
  /** How long a card takes before the terminal answers. */
  decisionMs?: number;
}

export class NexoTerminalSimulator {
  readonly transactions = new Map<string, Transaction>();
  /** Cards actually charged (approved payments), by our payment id: the double-charge detector. */
  readonly charges: string[] = [];
  readonly reversals: string[] = [];
  private readonly script: NexoBehaviour[] = [];
  private defaultBehaviour: NexoBehaviour = 'approve';
  private readonly sockets = new Set<Socket>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly ca: string,
    readonly port: number,
    private readonly options: NexoSimulatorOptions,
  ) {}

  static async start(options: NexoSimulatorOptions): Promise<NexoTerminalSimulator> {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    let sim: NexoTerminalSimulator | null = null;
    const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      sim?.handle(req, res);
    });
    server.on('connection', (socket: Socket) => {
      sim?.sockets.add(socket);
      socket.on('close', () => sim?.sockets.delete(socket));
    });
    await new Promise<void>((resolve) =>
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
    );
    sim = new NexoTerminalSimulator(server, pems.cert, (server.address() as AddressInfo).port, options);
    return sim;
  }

  /** The next payments behave like this, in order; then the default. */
  scriptNext(...behaviours: NexoBehaviour[]): void {
    this.script.push(...behaviours);
  }

  setDefault(behaviour: NexoBehaviour): void {
    this.defaultBehaviour = behaviour;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parsed = RequestEnvelope.safeParse(safeJson(Buffer.concat(chunks).toString('utf8')));
      if (req.url !== '/nexo' || req.method !== 'POST' || !parsed.success) {
        res.writeHead(400).end();
        return;
      }
      let plaintext: string;
      try {
        plaintext = open(parsed.data.SaleToPOIRequest, this.options.key);
      } catch {
        res.writeHead(401).end();
        return;
      }
      this.dispatch(plaintext, res);
    });
  }

  private dispatch(plaintext: string, res: ServerResponse): void {
    const message = (safeJson(plaintext) as { SaleToPOIRequest?: Record<string, unknown> } | null)
      ?.SaleToPOIRequest;
    const header = (message?.MessageHeader ?? {}) as Record<string, string>;
    const ids = { saleId: header.SaleID ?? '', poiId: this.options.poiId };
    const serviceId = header.ServiceID ?? '';
    const reply = (
      category: string,
      bodyKey: string,
      body: Record<string, unknown>,
      amountText: string | null,
    ) => {
      const text = responseText(ids, category, serviceId, bodyKey, body, amountText);
      const sealed = seal(responseHeader(ids, category, serviceId), text, this.options.key);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ SaleToPOIResponse: sealed }));
    };
    switch (header.MessageCategory) {
      case 'Payment':
        this.payment(message ?? {}, plaintext, serviceId, res, (body, amount) =>
          reply('Payment', 'PaymentResponse', body, amount),
        );
        return;
      case 'TransactionStatus':
        this.status(message ?? {}, (body, amount) =>
          reply('TransactionStatus', 'TransactionStatusResponse', body, amount),
        );
        return;
      case 'Abort':
        this.abort(message ?? {});
        res.writeHead(200).end();
        return;
      case 'Reversal':
        this.reversal(message ?? {}, (body) => reply('Reversal', 'ReversalResponse', body, null));
        return;
      default:
        res.writeHead(400).end();
    }
  }

  private payment(
    message: Record<string, unknown>,
    plaintext: string,
    serviceId: string,
    res: ServerResponse,
    reply: (body: Record<string, unknown>, amountText: string | null) => void,
  ): void {
    const request = message.PaymentRequest as {
      SaleData: { SaleTransactionID: { TransactionID: string } };
      PaymentTransaction: { AmountsReq: { Currency: string } };
    };
    const paymentId = request.SaleData.SaleTransactionID.TransactionID;
    const amountText = numberLiteral(plaintext, 'RequestedAmount') ?? '0';
    const currency = request.PaymentTransaction.AmountsReq.Currency;
    const behaviour = this.script.shift() ?? this.defaultBehaviour;
    const tx: Transaction = {
      serviceId,
      state: 'in_progress',
      body: null,
      amountText,
      reference: null,
      finish: null,
    };
    this.transactions.set(serviceId, tx);
    const charge = (): Record<string, unknown> => {
      this.sequence += 1;
      tx.reference = {
        transactionId: `SIM${String(this.sequence).padStart(6, '0')}.${paymentId.slice(-8)}`,
        timeStamp: new Date().toISOString(),
      };
      tx.state = 'approved';
      tx.body = approvedPaymentBody({ ...tx.reference, amountText, currency, maskedPan: '411111******1111' });
      this.charges.push(paymentId);
      return tx.body;
    };
    const fail = (state: 'declined' | 'cancelled', condition: string, text: string) => {
      tx.state = state;
      tx.body = failedPaymentBody(condition, text);
      return tx.body;
    };
    const later = (fn: () => void) => setTimeout(fn, this.options.decisionMs ?? 20);
    switch (behaviour) {
      case 'approve':
        later(() => reply(charge(), amountText));
        return;
      case 'decline':
        later(() => reply(fail('declined', 'Refusal', 'Not enough balance'), null));
        return;
      case 'card_removed':
        later(() => reply(fail('cancelled', 'Aborted', 'Card removed'), null));
        return;
      case 'timeout_charged':
        later(() => charge());
        return;
      case 'timeout_not_charged':
        this.transactions.delete(serviceId);
        return;
      case 'disconnect_charged':
        later(() => {
          charge();
          res.socket?.destroy();
        });
        return;
      case 'wait':
        tx.finish = reply;
        return;
    }
  }

  private status(
    message: Record<string, unknown>,
    reply: (body: Record<string, unknown>, amountText: string | null) => void,
  ): void {
    const reference = (
      message.TransactionStatusRequest as { MessageReference?: { ServiceID?: string } } | undefined
    )?.MessageReference;
    const tx = this.transactions.get(reference?.ServiceID ?? '');
    if (!tx) {
      reply({ Response: { Result: 'Failure', ErrorCondition: 'NotFound' } }, null);
      return;
    }
    if (tx.state === 'in_progress' || !tx.body) {
      reply({ Response: { Result: 'Failure', ErrorCondition: 'InProgress' } }, null);
      return;
    }
    reply(
      {
        Response: { Result: 'Success' },
        RepeatedMessageResponse: {
          MessageHeader: {},
          RepeatedResponseMessageBody: { PaymentResponse: tx.body },
        },
      },
      tx.state === 'approved' ? tx.amountText : null,
    );
  }

  private abort(message: Record<string, unknown>): void {
    const reference = (message.AbortRequest as { MessageReference?: { ServiceID?: string } } | undefined)
      ?.MessageReference;
    const tx = this.transactions.get(reference?.ServiceID ?? '');
    if (!tx || tx.state !== 'in_progress') return;
    tx.state = 'cancelled';
    tx.body = failedPaymentBody('Cancel', 'Cancelled by the sale system');
    tx.finish?.(tx.body, null);
    tx.finish = null;
  }

  private reversal(message: Record<string, unknown>, reply: (body: Record<string, unknown>) => void): void {
    const original = (
      message.ReversalRequest as
        { OriginalPOITransaction?: { POITransactionID?: { TransactionID?: string } } } | undefined
    )?.OriginalPOITransaction?.POITransactionID?.TransactionID;
    const tx = [...this.transactions.values()].find(
      (t) => t.reference?.transactionId === original && t.state === 'approved',
    );
    if (!tx || !original || this.reversals.includes(original)) {
      reply({
        Response: {
          Result: 'Failure',
          ErrorCondition: 'NotAllowed',
          AdditionalResponse: 'message=Original transaction not reversible',
        },
      });
      return;
    }
    this.reversals.push(original);
    reply({
      Response: { Result: 'Success' },
      POIData: {
        POITransactionID: { TransactionID: `REV.${original}`, TimeStamp: new Date().toISOString() },
      },
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
