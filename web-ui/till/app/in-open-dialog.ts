/**
 * True while a modal dialog (paying, a supervisor's approval) has the keyboard: a screen's function keys
 * must not change what is behind it.
 */
export function inOpenDialog(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLDialogElement && node.open);
}
