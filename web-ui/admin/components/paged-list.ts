import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { array, integer, object } from '../../shared/api/decode.js';

export interface Page<T> {
  items: T[];
  total: number | null;
  nextOffset: number | null;
}

/** The hub's list answer `{items, total?, nextOffset}`, each item through `decodeItem`. */
export function decodePage<T>(value: unknown, decodeItem: (item: unknown) => T, what: string): Page<T> {
  const o = object(value, what);
  return {
    items: array(o, 'items', what).map(decodeItem),
    total: typeof o.total === 'number' ? integer(o, 'total', what) : null,
    nextOffset: typeof o.nextOffset === 'number' ? integer(o, 'nextOffset', what) : null,
  };
}

export type PageFetcher<T> = (limit: number, offset: number, signal: AbortSignal) => Promise<Page<T>>;

/**
 * One page of a hub list at a time, for an admin page: loading, the error, the rows, and where it is in
 * the whole. A new load cancels the one still running, so a fast typist's old search never wins.
 */
export class PagedList<T> implements ReactiveController {
  items: T[] = [];
  total: number | null = null;
  offset = 0;
  nextOffset: number | null = null;
  loading = false;
  error: unknown = null;
  #abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: PageFetcher<T>,
    readonly limit = 50,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  async load(offset = 0): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(this.limit, Math.max(0, offset), abort.signal);
      if (abort.signal.aborted) return;
      this.items = page.items;
      this.total = page.total;
      this.offset = Math.max(0, offset);
      this.nextOffset = page.nextOffset;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  reload(): Promise<void> {
    return this.load(this.offset);
  }
}
