import { defineMachine } from '../../domain/state-machine.js';

/**
 * A till's drawer session. 'none' is the till before anything is opened (no row yet); the table is the one
 * place that says which cash events each state takes, so "a closed session takes no movement" is a
 * missing row here rather than an if somewhere.
 */
export type CashSessionState = 'none' | 'open' | 'closed';
export type CashSessionEvent = 'open' | 'sale' | 'refund' | 'pay_in' | 'pay_out' | 'no_sale' | 'close';

export const cashSessionMachine = defineMachine<CashSessionState, CashSessionEvent>({
  none: { open: 'open' },
  open: { sale: 'open', refund: 'open', pay_in: 'open', pay_out: 'open', no_sale: 'open', close: 'closed' },
  closed: {},
});
