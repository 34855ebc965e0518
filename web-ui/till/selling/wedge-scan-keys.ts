import { ScanDetector } from './scan-detector.js';

/** The text box a scanner may type into while it has the focus; its keys are undone after a scan. */
export interface ScanBox {
  /** Whether `node` (a key event's first target) is the box. */
  isBox(node: EventTarget | undefined): boolean;
  /** What the box holds now, or null before it is drawn. */
  readonly text: string | null;
  /** Puts back what the box held before the scanner typed into it. */
  restore(text: string): void;
}

/**
 * Feeds a screen's keydowns to the wedge scan detector. A burst that ends in Enter is a scan wherever the
 * focus is: its Enter is swallowed, what the scanner typed into the screen's box is undone, and the code
 * goes to `onScan`. Every other key is left alone.
 */
export class WedgeScanKeys {
  #detector = new ScanDetector();
  #snapshot: string | null = null;

  constructor(
    private readonly box: () => ScanBox | undefined,
    private readonly onScan: (code: string) => void,
  ) {}

  keydown(event: KeyboardEvent): void {
    const box = this.box();
    const inBox = box?.isBox(event.composedPath()[0]) ?? false;
    const verdict = this.#detector.key(event.key, event.timeStamp, {
      ctrl: event.ctrlKey,
      alt: event.altKey,
      meta: event.metaKey,
    });
    switch (verdict.kind) {
      case 'char':
        // The first key of what may be a scan: remember the box as it was, to undo the scan's typing.
        if (verdict.burstStart) this.#snapshot = inBox ? (box?.text ?? '') : null;
        return;
      case 'scan':
        event.preventDefault();
        event.stopPropagation();
        if (inBox && this.#snapshot !== null) box?.restore(this.#snapshot);
        this.#snapshot = null;
        this.onScan(verdict.code);
        return;
      case 'other':
        return;
    }
  }
}
