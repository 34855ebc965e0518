import { HubApiError, HubUnreachableError } from '../../shared/api/errors.js';
import type { CartInput, SaleView } from '../../shared/api/sales-endpoints.js';
import { missingPermission, type SupervisorOverride } from '../override/override-logic.js';
import {
  cartRequest,
  hubAccepted,
  hubRead,
  hubRefused,
  hubUnreachable,
  retrying,
  type CartRequest,
  type CartState,
} from './cart-state.js';

export interface CartApi {
  create(saleId: string, cart: CartInput, override: SupervisorOverride | null): Promise<SaleView>;
  replace(
    saleId: string,
    expectedVersion: number,
    cart: CartInput,
    override: SupervisorOverride | null,
  ): Promise<SaleView>;
  get(saleId: string): Promise<SaleView>;
}

/** Resends a refused cart with a supervisor's override; rejects with the hub's answer (a wrong PIN...). */
export type ResendWithOverride = (override: SupervisorOverride) => Promise<void>;

export interface CartSyncHooks {
  /** Every new state (render it, store it). */
  changed(state: CartState): void;
  /** The hub refused a change (the cart went back to what it last accepted). */
  refused(error: HubApiError): void;
  /**
   * The hub refused a change for a missing permission: ask a supervisor (the override dialog), who may
   * resend it with their PIN. Resolves 'approved' once a resend was accepted, 'cancelled' to give up
   * (the cart then goes back); rejects with a refusal of the resend. Without it, refused() is told.
   */
  approve?(permission: string, resend: ResendWithOverride): Promise<'approved' | 'cancelled'>;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const RETRY_MS = 3_000;
const MAX_CONFLICT_ROUNDS = 3;

/**
 * Sends the cart to the hub, one request at a time, always the whole cart with the same till-made ids:
 * a create the first time, then PUT at the hub's version. Changes made while a request is out are sent
 * after it. No answer: the cart stays here and goes again every RETRY_MS (or at once on retryNow()),
 * which the hub treats as a replay. A conflict (the create had landed, or the version moved) reads the
 * sale and sends again.
 */
export class CartSync {
  #state: CartState;
  #flushing: Promise<void> | null = null;
  #retry: unknown = null;

  constructor(
    initial: CartState,
    private readonly api: CartApi,
    private readonly hooks: CartSyncHooks,
  ) {
    this.#state = initial;
  }

  get state(): CartState {
    return this.#state;
  }

  /** A local change (or a reset to a new sale): shown at once, then sent. */
  update(change: (state: CartState) => CartState): void {
    this.#set(change(this.#state));
    void this.flush();
  }

  /** The hub is back (or the cashier asked): send now instead of waiting for the timer. */
  retryNow(): void {
    this.#set(retrying(this.#state));
    void this.flush();
  }

  stop(): void {
    if (this.#retry !== null) this.hooks.clearTimeout(this.#retry);
    this.#retry = null;
  }

  /** Sends until the hub holds the cart; resolves when done or offline (the same run if one is going). */
  flush(): Promise<void> {
    this.#flushing ??= this.#run().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  async #run(): Promise<void> {
    let conflicts = 0;
    for (;;) {
      if (this.#state.sync === 'offline') return;
      const request = cartRequest(this.#state);
      if (request === null) return;
      const saleId = request.saleId;
      try {
        await this.#send(request, null);
        conflicts = 0;
      } catch (error) {
        if (this.#state.saleId !== saleId) continue;
        if (error instanceof HubUnreachableError) {
          this.#set(hubUnreachable(this.#state));
          this.#scheduleRetry();
          return;
        }
        if (error instanceof HubApiError && error.status === 409 && conflicts < MAX_CONFLICT_ROUNDS) {
          conflicts++;
          await this.#reread(saleId);
          continue;
        }
        if (error instanceof HubApiError) {
          if (await this.#refused(request, error)) continue;
          return;
        }
        throw error;
      }
    }
  }

  async #send(request: CartRequest, override: SupervisorOverride | null): Promise<void> {
    const view =
      request.kind === 'create'
        ? await this.api.create(request.saleId, request.cart, override)
        : await this.api.replace(request.saleId, request.expectedVersion, request.cart, override);
    if (this.#state.saleId === request.saleId) this.#set(hubAccepted(this.#state, view, request.revision));
  }

  /**
   * A refusal for a missing permission goes to a supervisor first; while they decide, this run waits,
   * so later changes queue behind the approved cart. Whatever is not approved goes back. True when the
   * supervisor approved and the run should go on with changes made meanwhile.
   */
  async #refused(request: CartRequest, error: HubApiError): Promise<boolean> {
    const permission = missingPermission(error);
    let shown: unknown = error;
    if (permission !== null && this.hooks.approve) {
      try {
        const outcome = await this.hooks.approve(permission, (override) => this.#send(request, override));
        if (outcome === 'approved') return true;
        shown = null;
      } catch (resendError) {
        shown = resendError;
      }
    }
    if (this.#state.saleId !== request.saleId) return false;
    this.#set(hubRefused(this.#state));
    if (shown instanceof HubApiError) this.hooks.refused(shown);
    return false;
  }

  async #reread(saleId: string): Promise<void> {
    try {
      const view = await this.api.get(saleId);
      if (this.#state.saleId === saleId) this.#set(hubRead(this.#state, view));
    } catch (error) {
      if (error instanceof HubUnreachableError) {
        this.#set(hubUnreachable(this.#state));
        this.#scheduleRetry();
      }
    }
  }

  #scheduleRetry(): void {
    if (this.#retry !== null) return;
    this.#retry = this.hooks.setTimeout(() => {
      this.#retry = null;
      this.retryNow();
    }, RETRY_MS);
  }

  #set(state: CartState): void {
    this.#state = state;
    this.hooks.changed(state);
  }
}
