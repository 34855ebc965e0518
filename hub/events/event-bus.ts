import type { DomainEvent, DomainEventMap, DomainEventName } from '../contract/events.js';

type Listener<K extends DomainEventName> = (payload: DomainEventMap[K]) => void;
type AnyListener = (event: DomainEvent) => void;

/**
 * In-process typed event bus. Listeners are registered under an owner key so a module's stop() removes
 * exactly what its start() added. A throwing listener is reported and never stops the others.
 */
export class EventBus {
  private readonly listeners = new Map<string, { owner: string; fn: (event: DomainEvent) => void }[]>();

  constructor(
    private readonly onListenerError: (error: unknown, event: DomainEvent) => void = () => undefined,
  ) {}

  on<K extends DomainEventName>(name: K, owner: string, listener: Listener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push({ owner, fn: (event) => listener(event.payload as DomainEventMap[K]) });
    this.listeners.set(name, list);
  }

  onAny(owner: string, listener: AnyListener): void {
    const list = this.listeners.get('*') ?? [];
    list.push({ owner, fn: listener });
    this.listeners.set('*', list);
  }

  removeOwner(owner: string): void {
    for (const [name, list] of this.listeners) {
      this.listeners.set(
        name,
        list.filter((entry) => entry.owner !== owner),
      );
    }
  }

  emit(event: DomainEvent): void {
    for (const entry of [...(this.listeners.get(event.name) ?? []), ...(this.listeners.get('*') ?? [])]) {
      try {
        entry.fn(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
