import { defineMachine } from '../state-machine.js';

export type PurchaseOrderStatus = 'draft' | 'sent' | 'partly_received' | 'received' | 'cancelled';
export type PurchaseOrderEvent = 'send' | 'receive_some' | 'receive_rest' | 'cancel';

/** A purchase order: edited as a draft, sent to the supplier, then received line by line. */
export const purchaseOrderMachine = defineMachine<PurchaseOrderStatus, PurchaseOrderEvent>({
  draft: { send: 'sent', cancel: 'cancelled' },
  sent: { receive_some: 'partly_received', receive_rest: 'received', cancel: 'cancelled' },
  partly_received: { receive_some: 'partly_received', receive_rest: 'received' },
  received: {},
  cancelled: {},
});

export type StockCountStatus = 'open' | 'posted' | 'cancelled';
export type StockCountEvent = 'post' | 'cancel';

/** A stock count is posted once: a posted or cancelled count takes no more counts and no second post. */
export const stockCountMachine = defineMachine<StockCountStatus, StockCountEvent>({
  open: { post: 'posted', cancel: 'cancelled' },
  posted: {},
  cancelled: {},
});
