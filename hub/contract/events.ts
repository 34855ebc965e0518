/**
 * Domain events: name -> payload. They leave the hub (event bus, then MQTT `pos/<store>/events/<name>`)
 * only after the transaction that caused them has committed. Payloads carry ids and small facts; a
 * listener that needs more reads it through the API.
 */
export interface DomainEventMap {
  'catalog.changed': { changeSeq: number; productIds: string[]; categoryIds: string[] };
  'stock.changed': { productIds: string[] };
  'sale.updated': { saleId: string; tillId: string; status: string };
  'sale.completed': {
    saleId: string;
    tillId: string;
    receiptCode: string;
    totalMinor: number;
    kind: 'sale' | 'return';
  };
  'sale.voided': { saleId: string; tillId: string };
  'payment.updated': { paymentId: string; saleId: string; tillId: string; status: string };
  'cash.session.opened': { sessionId: string; tillId: string };
  'cash.session.closed': { sessionId: string; tillId: string; zNumber: number };
  'cash.drawer.open': { tillId: string; reason: string; staffId: string };
  /** A print job changed status (queued, sent, done, failed); error is the printer's last refusal. */
  'print.job.updated': {
    jobId: string;
    deviceId: string;
    tillId: string | null;
    saleId: string | null;
    kind: 'receipt' | 'copy' | 'report' | 'test';
    status: 'queued' | 'sent' | 'done' | 'failed';
    error: string | null;
  };
  'till.paired': { tillId: string };
  'till.revoked': { tillId: string };
  /** A customer display was paired to a till (a cashier there typed its code). */
  'display.paired': { displayId: string; tillId: string };
  /** A customer display lost its token: revoked itself or with its till. */
  'display.revoked': { displayId: string; tillId: string | null };
  'settings.changed': Record<string, never>;
  'customer.changed': { customerId: string };
  'staff.changed': { staffId: string };
  'device.changed': { deviceId: string; tillId: string | null; status: string };
  'device.revoked': { deviceId: string; tillId: string | null };
  /** A product's on-hand fell to or below its reorder point (announced once per crossing). */
  'stock.low': { productId: string; onHand: number; reorderPoint: number };
}

export type DomainEventName = keyof DomainEventMap;

export type DomainEvent = {
  [K in DomainEventName]: { name: K; payload: DomainEventMap[K] };
}[DomainEventName];
