import { LitElement } from 'lit';
import { property, query } from 'lit/decorators.js';

/**
 * A till dialog that lives for one question: shown modal once rendered, told its answer once
 * (`onDone`), then removed by openModal(). Subclasses render a <dialog> and call finish().
 */
export abstract class ModalDialog<R> extends LitElement {
  /** Told once, with the answer. */
  @property({ attribute: false }) onDone: (result: R) => void = () => undefined;

  @query('dialog') protected dialog?: HTMLDialogElement;
  #closed = false;

  override firstUpdated(): void {
    this.dialog?.showModal();
  }

  protected get closed(): boolean {
    return this.#closed;
  }

  protected finish(result: R): void {
    if (this.#closed) return;
    this.#closed = true;
    this.dialog?.close();
    this.onDone(result);
  }

  /** For @keydown on the <dialog>: the screen behind must not read these keys as scans or shortcuts. */
  protected keepKeys = (event: KeyboardEvent): void => {
    event.stopPropagation();
  };
}

/**
 * Opens `dialog` (set up by the caller) inside `host`'s shadow root, so it finds the app's contexts, and
 * resolves with its answer once it is done; the element is removed then.
 */
export function openModal<R>(host: Element, dialog: ModalDialog<R>): Promise<R> {
  return new Promise((resolve) => {
    dialog.onDone = (result) => {
      dialog.remove();
      resolve(result);
    };
    (host.shadowRoot ?? host).append(dialog);
  });
}
