/** A text field of a submitted form, trimmed unless `raw` (a password keeps its spaces); '' when absent. */
export function formText(form: HTMLFormElement, name: string, raw = false): string {
  const value = new FormData(form).get(name);
  if (typeof value !== 'string') return '';
  return raw ? value : value.trim();
}
