import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * State a controller keeps for its host element, set the way a LitElement's `@state` is: a field counts
 * as set only when its new value is not `Object.is` the old one, and then the host is asked to update.
 * `changed()` answers, during the host's `updated()`, whether a field changed for the update being done,
 * as the host's own changed properties would: the first update counts every field as changed, as it counts
 * every initialised `@state` field.
 */
export class HostState<T extends object> implements ReactiveController {
  #value: T;
  /** Fields set since the last update began, and those of the update being done. */
  #pending = new Set<keyof T>();
  #updating = new Set<keyof T>();

  constructor(
    private readonly host: ReactiveControllerHost,
    initial: T,
  ) {
    this.#value = initial;
    this.#pending = new Set(Object.keys(initial) as (keyof T)[]);
    host.addController(this);
  }

  get value(): Readonly<T> {
    return this.#value;
  }

  set(patch: Partial<T>): void {
    let changed = false;
    for (const field of Object.keys(patch) as (keyof T)[]) {
      if (Object.is(patch[field], this.#value[field])) continue;
      this.#value = { ...this.#value, [field]: patch[field] };
      this.#pending.add(field);
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }

  changed(field: keyof T): boolean {
    return this.#updating.has(field);
  }

  hostUpdate(): void {
    this.#updating = this.#pending;
    this.#pending = new Set();
  }
}
