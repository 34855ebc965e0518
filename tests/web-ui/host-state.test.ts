import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HostState } from '../../web-ui/shared/host-state.js';

/** A host that counts update requests and runs the controllers' hostUpdate as a LitElement's update does. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  let requests = 0;
  const host: ReactiveControllerHost = {
    addController: (c) => controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => {
      requests += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  return {
    host,
    requests: () => requests,
    update: () => {
      for (const c of controllers) c.hostUpdate?.();
    },
  };
}

describe('HostState', () => {
  it('asks its host for an update only when a field gets a new value', () => {
    const fake = fakeHost();
    const state = new HostState(fake.host, { phase: 'pay', error: null as string | null });
    state.set({ phase: 'pay', error: null });
    expect(fake.requests()).toBe(0);
    state.set({ error: 'No answer' });
    expect(fake.requests()).toBe(1);
    expect(state.value).toEqual({ phase: 'pay', error: 'No answer' });
  });

  it('tells which fields changed for the update being done, as changed properties would', () => {
    const fake = fakeHost();
    const state = new HostState(fake.host, { phase: 'pay', count: 0 });
    // The first update has every field, as a LitElement's first update has its initialised @state fields.
    fake.update();
    expect(state.changed('phase')).toBe(true);
    expect(state.changed('count')).toBe(true);
    state.set({ phase: 'completing' });
    fake.update();
    expect(state.changed('phase')).toBe(true);
    expect(state.changed('count')).toBe(false);
    // Set after the update began (in updated(), say): the next update's.
    state.set({ count: 1 });
    expect(state.changed('count')).toBe(false);
    fake.update();
    expect(state.changed('phase')).toBe(false);
    expect(state.changed('count')).toBe(true);
  });
});
