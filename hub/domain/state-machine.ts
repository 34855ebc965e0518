/**
 * Lifecycles (sale, payment, cash session, print job, adoption) are transition tables: state -> event ->
 * next state. Anything not in the table is refused, so a new status can never be reached by accident.
 */
export type TransitionTable<S extends string, E extends string> = Readonly<
  Record<S, Readonly<Partial<Record<E, S>>>>
>;

export type Transition<S extends string> = { ok: true; to: S } | { ok: false; from: S; event: string };

export interface StateMachine<S extends string, E extends string> {
  readonly table: TransitionTable<S, E>;
  next(from: S, event: E): Transition<S>;
  can(from: S, event: E): boolean;
  isFinal(state: S): boolean;
}

export function defineMachine<S extends string, E extends string>(
  table: TransitionTable<S, E>,
): StateMachine<S, E> {
  const next = (from: S, event: E): Transition<S> => {
    const to = table[from][event];
    return to === undefined ? { ok: false, from, event } : { ok: true, to };
  };
  return {
    table,
    next,
    can: (from, event) => next(from, event).ok,
    isFinal: (state) => Object.keys(table[state]).length === 0,
  };
}
