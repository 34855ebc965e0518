import { msg } from '@lit/localize';

export type CashPanel = 'pay_in' | 'pay_out' | 'no_sale' | 'x_report' | 'close';

export interface CashAction {
  panel: CashPanel;
  /** The key that opens it anywhere on the cash screen, shown on its button. */
  key: string;
  label: () => string;
}

/** The cash screen's actions in the order they are shown, each with its function key. */
export const CASH_ACTIONS: readonly CashAction[] = [
  { panel: 'pay_in', key: 'F2', label: () => msg('Pay in') },
  { panel: 'pay_out', key: 'F3', label: () => msg('Pay out') },
  { panel: 'no_sale', key: 'F4', label: () => msg('No sale') },
  { panel: 'x_report', key: 'F9', label: () => msg('X report') },
  { panel: 'close', key: 'F10', label: () => msg('Close session') },
];

export function cashActionForKey(key: string): CashAction | undefined {
  return CASH_ACTIONS.find((a) => a.key === key);
}
