import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { getSmtp, removeSmtp, saveSmtp, sendTestMail, type SmtpView } from './settings-api.js';
import { SettingsSection } from './settings-section.js';

/** The mail server e-receipts go through; the password is written, never shown. */
@customElement('mail-section')
@localized()
export class MailSection extends SettingsSection {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _smtp: SmtpView | null = null;

  protected override async load(): Promise<void> {
    this._smtp = await getSmtp(this.api);
  }

  override render() {
    const m = this._smtp;
    if (m === null) return html`<p role="status">${msg('Loading…')}</p>`;
    return html`<section aria-labelledby="mail-heading">
      <h2 id="mail-heading">${msg('E-mail for receipts')}</h2>
      ${
        this.notice === null
          ? nothing
          : html`<p
              class="notice ${this.notice.error ? 'error' : ''}"
              role=${this.notice.error ? 'alert' : 'status'}
            >
              ${this.notice.text}
            </p>`
      }
      <p class="muted">
        ${m.configured ? msg('Tills can e-mail receipts.') : msg('No mail server yet: tills cannot e-mail receipts.')}
      </p>
      <form @submit=${this._save}>
        <div class="form-grid">
          <label class="field">
            <span>${msg('Mail server (SMTP host)')}</span>
            <input name="host" required maxlength="253" .value=${m.host ?? ''} />
          </label>
          <label class="field">
            <span>${msg('Port')}</span>
            <input
              name="port"
              inputmode="numeric"
              required
              pattern="[0-9]{1,5}"
              .value=${String(m.port ?? 587)}
            />
          </label>
          <label class="field">
            <span>${msg('User name')}</span>
            <input name="user" maxlength="254" autocomplete="off" .value=${m.user ?? ''} />
          </label>
          <label class="field">
            <span>${msg('Password')}</span>
            <input
              name="password"
              type="password"
              autocomplete="new-password"
              maxlength="512"
              placeholder=${m.passwordSet ? msg('(saved; type to change)') : ''}
            />
          </label>
          <label class="field">
            <span>${msg('Sender address')}</span>
            <input name="from" type="email" required maxlength="254" .value=${m.from ?? ''} />
          </label>
        </div>
        <label class="check">
          <input type="checkbox" name="secure" ?checked=${m.secure === true} />
          ${msg('TLS from the start (usually port 465); otherwise STARTTLS when the server offers it')}
        </label>
        <div class="toolbar">
          <button class="button primary" type="submit" ?disabled=${this.busy}>
            ${msg('Save mail server')}
          </button>
          ${
            m.configured
              ? html`<button class="button" type="button" ?disabled=${this.busy} @click=${this._remove}>
                  ${msg('Remove mail server')}
                </button>`
              : nothing
          }
        </div>
      </form>
      ${
        m.configured
          ? html`<form class="toolbar" @submit=${this._test}>
              <label class="field">
                <span>${msg('Send a test mail to')}</span>
                <input name="to" type="email" required maxlength="254" />
              </label>
              <button class="button" type="submit" ?disabled=${this.busy}>${msg('Send test mail')}</button>
            </form>`
          : nothing
      }
    </section>`;
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const password = formText(form, 'password', true);
    const user = formText(form, 'user');
    const secure = form.querySelector<HTMLInputElement>('input[name="secure"]')?.checked ?? false;
    void this.run(async () => {
      this._smtp = await saveSmtp(this.api, {
        host: formText(form, 'host'),
        port: Number.parseInt(formText(form, 'port'), 10),
        secure,
        user: user === '' ? null : user,
        // Empty keeps the saved password; the field never shows it.
        ...(password === '' ? {} : { password }),
        from: formText(form, 'from'),
      });
      const field = form.querySelector<HTMLInputElement>('input[name="password"]');
      if (field) field.value = '';
      return msg('Mail server saved.');
    });
  };

  private _remove = (): void => {
    void this.run(async () => {
      this._smtp = await removeSmtp(this.api);
      return msg('Mail server removed.');
    });
  };

  private _test = (event: SubmitEvent): void => {
    event.preventDefault();
    const to = formText(event.currentTarget as HTMLFormElement, 'to');
    void this.run(async () => {
      await sendTestMail(this.api, to);
      return msg(str`The mail server took the test mail for ${to}.`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-section': MailSection;
  }
}
