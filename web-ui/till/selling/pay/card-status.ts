import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { RunnerState } from './payment-runner.js';
import { cardStageText, paymentErrorText } from './payment-text.js';

type Running = Extract<RunnerState, { kind: 'running' }>;

/**
 * The live card panel: the terminal's stage as the hub reports it (waiting for the card, PIN, processing,
 * approved, declined), what the terminal itself said, and Cancel, which asks the hub to abort the payment
 * on the terminal. A payment being recorded (cash and other tenders) shows one line.
 */
export function renderRunning(state: Running, onCancel: () => void) {
  if (!state.card) {
    return html`<p class="status-line" role="status">${msg('Recording the payment…')}</p>`;
  }
  return html`<section class="card-status" aria-labelledby="card-stage" data-card-stage=${state.stage}>
    <p class="stage" id="card-stage" role="status" aria-live="polite">
      ${state.cancelling ? msg('Cancelling on the terminal…') : cardStageText(state.stage)}
    </p>
    ${state.message ? html`<p class="terminal-says">${msg('The terminal says:')} ${state.message}</p>` : nothing}
    ${state.problem ? html`<p class="error" role="alert">${paymentErrorText(state.problem)}</p>` : nothing}
    <button
      class="button"
      type="button"
      ?disabled=${state.cancelling}
      aria-keyshortcuts="Escape"
      @click=${onCancel}
    >
      ${msg('Cancel card payment')} <kbd>Esc</kbd>
    </button>
  </section>`;
}
