import { localized, msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import {
  DEFAULT_LOGO_WIDTH,
  ditherToRaster,
  isBlack,
  logoSize,
  rasterBase64,
  type LogoRaster,
} from './logo-raster.js';
import {
  getLogo,
  getSettings,
  removeLogo,
  saveLogo,
  saveSettings,
  type SavedLogo,
  type StoreSettings,
} from './settings-api.js';
import { SettingsSection } from './settings-section.js';

function rasterOf(saved: SavedLogo): LogoRaster {
  const bytes = Uint8Array.from(atob(saved.bits), (c) => c.charCodeAt(0));
  return { width: saved.width, height: saved.height, bits: bytes };
}

/**
 * A picture file to its printer raster: decoded by the browser (PNG, JPEG, WebP, SVG), drawn at the
 * logo's size on a canvas, then dithered. An SVG without a size of its own counts as 300 x 150.
 */
async function rasterFromFile(file: File, width: number): Promise<LogoRaster> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const size = logoSize(image.naturalWidth || 300, image.naturalHeight || 150, width);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('No canvas');
    context.drawImage(image, 0, 0, size.width, size.height);
    return ditherToRaster(context.getImageData(0, 0, size.width, size.height).data, size.width, size.height);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** What every receipt says at the top and the bottom, its logo, and whether it prints by itself. */
@customElement('receipt-settings-form')
@localized()
export class ReceiptSettingsForm extends SettingsSection {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    css`
      canvas {
        max-width: 100%;
        image-rendering: pixelated;
        border: 1px dashed var(--line-strong);
        background: #fff;
      }
    `,
  ];

  @state() private _settings: StoreSettings | null = null;
  @state() private _saved: LogoRaster | null = null;
  @state() private _draft: LogoRaster | null = null;
  @query('canvas') private _canvas?: HTMLCanvasElement;

  protected override async load(): Promise<void> {
    const [settings, logo] = await Promise.all([getSettings(this.api), getLogo(this.api)]);
    this._settings = settings;
    this._saved = logo === null ? null : rasterOf(logo);
  }

  override updated(): void {
    this._drawPreview();
  }

  override render() {
    const s = this._settings;
    if (s === null) return html`<p role="status">${msg('Loading…')}</p>`;
    const shown = this._draft ?? this._saved;
    return html`<section aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">${msg('Receipts')}</h2>
      ${this._renderNotice()}
      <form @submit=${this._saveTexts}>
        <div class="form-grid">
          <label class="field">
            <span>${msg('Header (under the store name, up to 8 lines)')}</span>
            <textarea name="receiptHeader" maxlength="500" .value=${s.receiptHeader}></textarea>
          </label>
          <label class="field">
            <span>${msg('Footer (at the bottom, up to 8 lines)')}</span>
            <textarea name="receiptFooter" maxlength="500" .value=${s.receiptFooter}></textarea>
          </label>
        </div>
        <label class="check">
          <input type="checkbox" name="autoPrint" ?checked=${s.autoPrintReceipts} />
          ${msg('Print the receipt of every sale by itself (otherwise the cashier prints on request)')}
        </label>
        <p>
          <button class="button primary" type="submit" ?disabled=${this.busy}>
            ${msg('Save receipt texts')}
          </button>
        </p>
      </form>
      <h3>${msg('Logo')}</h3>
      <p class="muted">
        ${msg('A picture printed above the store name, in black and white. Printers without graphics leave it out.')}
      </p>
      ${
        shown === null
          ? html`<p>${msg('No logo.')}</p>`
          : html`<canvas
              role="img"
              aria-label=${this._draft ? msg('Preview of the new logo') : msg('The logo receipts print')}
            ></canvas>`
      }
      <div class="toolbar">
        <label class="field">
          <span>${msg('Picture (PNG, JPEG, SVG)')}</span>
          <input type="file" accept="image/png,image/jpeg,image/svg+xml,image/webp" @change=${this._pick} />
        </label>
        ${
          this._draft === null
            ? nothing
            : html`<button
                class="button primary"
                type="button"
                ?disabled=${this.busy}
                @click=${this._saveLogo}
              >
                ${msg('Save logo')}
              </button>`
        }
        ${
          this._saved === null
            ? nothing
            : html`<button class="button" type="button" ?disabled=${this.busy} @click=${this._removeLogo}>
                ${msg('Remove logo')}
              </button>`
        }
      </div>
    </section>`;
  }

  private _renderNotice() {
    if (this.notice === null) return nothing;
    return html`<p
      class="notice ${this.notice.error ? 'error' : ''}"
      role=${this.notice.error ? 'alert' : 'status'}
    >
      ${this.notice.text}
    </p>`;
  }

  private _drawPreview(): void {
    const raster = this._draft ?? this._saved;
    const canvas = this._canvas;
    if (!raster || !canvas) return;
    canvas.width = raster.width;
    canvas.height = raster.height;
    const context = canvas.getContext('2d');
    if (context === null) return;
    const image = context.createImageData(raster.width, raster.height);
    for (let y = 0; y < raster.height; y += 1) {
      for (let x = 0; x < raster.width; x += 1) {
        const v = isBlack(raster, x, y) ? 0 : 255;
        image.data.set([v, v, v, 255], (y * raster.width + x) * 4);
      }
    }
    context.putImageData(image, 0, 0);
  }

  private _saveTexts = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const autoPrint = form.querySelector<HTMLInputElement>('input[name="autoPrint"]')?.checked ?? true;
    void this.run(async () => {
      this._settings = await saveSettings(this.api, {
        receiptHeader: formText(form, 'receiptHeader', true),
        receiptFooter: formText(form, 'receiptFooter', true),
        autoPrintReceipts: autoPrint,
      });
      return msg('Receipt texts saved.');
    });
  };

  private _pick = async (event: Event): Promise<void> => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      this._draft = await rasterFromFile(file, DEFAULT_LOGO_WIDTH);
      this.notice = { text: msg('This is how the logo will print. Save it to use it.'), error: false };
    } catch {
      this._draft = null;
      this.notice = { text: msg('That file is not a picture this browser can read.'), error: true };
    }
  };

  private _saveLogo = (): void => {
    const draft = this._draft;
    if (draft === null) return;
    void this.run(async () => {
      await saveLogo(this.api, { width: draft.width, height: draft.height, bits: rasterBase64(draft) });
      this._saved = draft;
      this._draft = null;
      return msg('Logo saved: receipts print it from now on.');
    });
  };

  private _removeLogo = (): void => {
    void this.run(async () => {
      await removeLogo(this.api);
      this._saved = null;
      this._draft = null;
      return msg('Logo removed.');
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'receipt-settings-form': ReceiptSettingsForm;
  }
}
