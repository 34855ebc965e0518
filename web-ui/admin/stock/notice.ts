import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { adminErrorText } from '../components/error-text.js';

export interface Notice {
  text: string;
  error: boolean;
}

/** What the last action did, read out to screen readers: an alert when it failed, a status when not. */
export function renderNotice(notice: Notice | null) {
  if (notice === null) return nothing;
  return html`<p class="notice ${notice.error ? 'error' : ''}" role=${notice.error ? 'alert' : 'status'}>
    ${notice.text}
  </p>`;
}

/**
 * A page's changes to the hub: one at a time (`busy` disables the button), and what came of the last one
 * as its notice: the page's own words when it worked, the hub's error in the manager's language when not.
 */
export class PageAction implements ReactiveController {
  busy = false;
  notice: Notice | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the controller only holds the page's action state.
  }

  /** Says something that is not the answer of a request (input the page refused before sending). */
  say(text: string, error: boolean): void {
    this.notice = { text, error };
    this.host.requestUpdate();
  }

  /** Runs `work`, whose answer is the notice to show; false when it failed. */
  async run(work: () => Promise<string>): Promise<boolean> {
    this.busy = true;
    this.host.requestUpdate();
    try {
      this.notice = { text: await work(), error: false };
      return true;
    } catch (error) {
      this.notice = { text: adminErrorText(error), error: true };
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
