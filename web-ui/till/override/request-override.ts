import { openModal } from '../../shared/components/modal-dialog.js';
import './override-dialog.js';
import type { OverrideClose } from './override-dialog.js';
import { missingPermission, type SupervisorOverride } from './override-logic.js';

export type { SupervisorOverride } from './override-logic.js';
export { missingPermission } from './override-logic.js';

/** How an action that may need a supervisor ended: done (with its result), or cancelled by the cashier. */
export type OverrideResult<T> = { status: 'done'; value: T } | { status: 'cancelled' };

/**
 * Opens the supervisor-override dialog for `permission` on top of `host` (any element below the till's
 * hub-connection provider) and resolves once it closes: 'done' with what `attempt` returned when a
 * supervisor approved, 'cancelled' when the cashier pressed Esc or Cancel (nothing was sent). A wrong
 * PIN keeps the dialog open; any other refusal of the hub rejects with its error.
 */
export async function requestOverride<T>(
  host: Element,
  permission: string,
  attempt: (override: SupervisorOverride) => Promise<T>,
): Promise<OverrideResult<T>> {
  const dialog = document.createElement('override-dialog');
  let result: OverrideResult<T> = { status: 'cancelled' };
  dialog.permission = permission;
  dialog.attempt = async (override) => {
    result = { status: 'done', value: await attempt(override) };
  };
  // Inside the host's shadow root, so the dialog finds the hub connection through the context.
  const outcome: OverrideClose = await openModal(host, dialog);
  if (outcome.kind === 'error') {
    // The hub's refusal as it came (a HubApiError), so callers handle it as they handle any refusal.
    throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  }
  return outcome.kind === 'approved' ? result : { status: 'cancelled' };
}

/**
 * Runs `action` as the cashier; if the hub answers that a permission is missing, asks a supervisor and
 * runs it again with their override. Other refusals reject as they came.
 *
 *     const voided = await withOverride(this, (override) => voidSale(api, id, reason, override));
 *     if (voided.status === 'cancelled') return; // nothing changed
 */
export async function withOverride<T>(
  host: Element,
  action: (override: SupervisorOverride | null) => Promise<T>,
): Promise<OverrideResult<T>> {
  try {
    return { status: 'done', value: await action(null) };
  } catch (error) {
    const permission = missingPermission(error);
    if (permission === null) throw error;
    return requestOverride(host, permission, action);
  }
}
