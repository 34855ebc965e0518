import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { staffErrorText } from './staff-errors.js';

/**
 * A form page's change to the hub and what it says afterwards: busy while the request runs, then the
 * page's own words for success or the hub's refusal in the manager's words.
 */
export class NoticeRunner implements ReactiveController {
  busy = false;
  notice: { text: string; error: boolean } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the controller only holds state for the page.
  }

  async run(work: () => Promise<string>): Promise<void> {
    this.busy = true;
    this.host.requestUpdate();
    try {
      this.notice = { text: await work(), error: false };
    } catch (error) {
      this.notice = { text: staffErrorText(error), error: true };
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  fail(text: string): void {
    this.notice = { text, error: true };
    this.host.requestUpdate();
  }

  render() {
    const n = this.notice;
    if (n === null) return nothing;
    return html`<p class="notice ${n.error ? 'error' : ''}" role=${n.error ? 'alert' : 'status'}>
      ${n.text}
    </p>`;
  }
}
