import { state } from 'lit/decorators.js';
import { adminErrorText } from '../components/error-text.js';
import { AdminPage } from '../shell/admin-page.js';

/**
 * One card of the settings page: it loads its own part of the settings, saves it, and says what
 * happened in its own notice (so a failed mail server does not hide a saved store name).
 */
export abstract class SettingsSection extends AdminPage {
  @state() protected notice: { text: string; error: boolean } | null = null;
  @state() protected busy = false;
  @state() protected loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {
      await this.load();
      this.loaded = true;
      return null;
    });
  }

  protected abstract load(): Promise<void>;

  /** Runs a change; its text (or the error) becomes the section's notice. */
  protected async run(work: () => Promise<string | null>): Promise<void> {
    this.busy = true;
    try {
      const text = await work();
      this.notice = text === null ? null : { text, error: false };
    } catch (error) {
      this.notice = { text: adminErrorText(error), error: true };
    } finally {
      this.busy = false;
    }
  }
}
