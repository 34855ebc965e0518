import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rangeFrom } from './date-range.js';
import { staffErrorText } from './staff-errors.js';
import type { DateRange } from './time-api.js';

/**
 * A staff report over the date range in the page's query: loads it when the query changes, cancels the
 * load still running (a quick second pick never loses to the first), and keeps the result or the error.
 */
export class RangeReport<T> implements ReactiveController {
  range: DateRange = rangeFrom(new URLSearchParams());
  result: T | null = null;
  error: string | null = null;
  loading = false;
  #abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetch: (range: DateRange, signal: AbortSignal) => Promise<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Call from the page's willUpdate when its query changed. */
  async show(query: URLSearchParams): Promise<void> {
    this.range = rangeFrom(query);
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const result = await this.fetch(this.range, abort.signal);
      if (!abort.signal.aborted) this.result = result;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.result = null;
      this.error = staffErrorText(error);
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
