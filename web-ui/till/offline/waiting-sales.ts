import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HostState } from '../../shared/host-state.js';
import type { CompletionQueue } from './completion-queue.js';

/**
 * How many cash sales are stored on this till until the hub answers, kept up to date for its host (so
 * nobody wonders where they are): the queue is watched from the host's first update on.
 */
export class WaitingSales implements ReactiveController {
  #state: HostState<{ count: number }>;
  #watched: CompletionQueue | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly queue: () => CompletionQueue | null | undefined,
  ) {
    this.#state = new HostState(host, { count: 0 });
    host.addController(this);
  }

  get count(): number {
    return this.#state.value.count;
  }

  hostUpdate(): void {
    const queue = this.queue() ?? null;
    if (this.#watched === queue) return;
    this.#watched?.removeEventListener('change', this.#onChange);
    queue?.addEventListener('change', this.#onChange);
    this.#watched = queue;
    this.#state.set({ count: queue?.pending.length ?? 0 });
  }

  hostDisconnected(): void {
    this.#watched?.removeEventListener('change', this.#onChange);
    this.#watched = null;
  }

  #onChange = (): void => {
    this.#state.set({ count: this.queue()?.pending.length ?? 0 });
  };
}
