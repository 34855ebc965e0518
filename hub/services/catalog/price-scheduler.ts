import type { HubContext } from '../../context.js';
import type { PriceChangeService } from './price-change-service.js';

/** How often the hub looks for scheduled price changes that have come due. */
export const PRICE_SCHEDULE_INTERVAL_MS = 30_000;

/**
 * Applies scheduled price changes when their time comes on the hub's clock: once at start (a change due
 * while the hub was off is applied as soon as it is back) and then every interval. Applying is
 * idempotent, so a late or doubled tick does no harm.
 */
export class PriceScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: HubContext,
    private readonly prices: PriceChangeService,
    private readonly intervalMs = PRICE_SCHEDULE_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.tick();
    this.timer = setInterval(() => {
      this.tick();
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    try {
      const applied = this.prices.applyDue();
      if (applied.length > 0) this.ctx.log('info', 'scheduled price changes applied', { ids: applied });
    } catch (error) {
      // A busy or read-only database now is tried again next tick; nothing was half-applied.
      this.ctx.log('error', 'applying scheduled price changes failed', { error: String(error) });
    }
  }
}
