import type { OverrideInput, Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { BusinessRuleError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { AccessService } from '../access/access-service.js';
import { auditActor } from '../access/audit-actor.js';
import type { CashService } from '../cash/cash-service.js';
import type { DeviceCommander, PrinterDirectory } from './types.js';

const OWNER = 'printing.drawer';
const KICK_TIMEOUT_MS = 5000;

export interface DrawerDeps {
  access: Pick<AccessService, 'authorize'>;
  cash: Pick<CashService, 'current' | 'recordMovement'>;
  directory: PrinterDirectory;
  commander: DeviceCommander;
}

export interface OpenDrawerInput {
  /** UUIDv7 made by the till: the no-sale movement id, so a retried request is recorded once. */
  id: string;
  reason: string;
  override?: OverrideInput | null;
}

export interface KickResult {
  /** kicked: the printer pulsed the drawer; repeated: a retried request, not kicked again. */
  outcome: 'kicked' | 'failed' | 'no_printer' | 'repeated';
  error: string | null;
}

export interface OpenDrawerResult {
  tillId: string;
  /** The no-sale cash movement, when the till has an open cash session. */
  movementId: string | null;
  kick: KickResult;
}

/**
 * Opening the cash drawer. Every reason the drawer opens (a no-sale here, a pay-in or pay-out through the
 * cash API) is the 'cash.drawer.open' event after its record is committed; this service kicks the till's
 * printer on that event, so there is one path to the drawer and nothing opens it without a record.
 */
export class DrawerService {
  private readonly kicks = new Map<string, { seq: number; result: Promise<KickResult> }>();
  private seq = 0;

  constructor(
    private readonly ctx: HubContext,
    private readonly deps: DrawerDeps,
  ) {}

  start(): void {
    this.ctx.bus.on('cash.drawer.open', OWNER, ({ tillId }) => {
      const result = this.kick(tillId).catch((error: unknown): KickResult => ({
        outcome: 'failed',
        error: String(error),
      }));
      this.kicks.set(tillId, { seq: ++this.seq, result });
    });
  }

  stop(): void {
    this.ctx.bus.removeOwner(OWNER);
  }

  /**
   * A no-sale open: recorded as a no-sale movement in the open cash session (the cash area checks
   * drawer.open, audits and journals it), or, with no session open, authorized and audited here.
   */
  async open(principal: Principal, tillId: string, input: OpenDrawerInput): Promise<OpenDrawerResult> {
    const reason = input.reason.trim();
    if (reason === '') throw new BusinessRuleError('REASON_REQUIRED', 'Say why the drawer is opened');
    const before = this.seq;
    let movementId: string | null = null;
    const session = this.deps.cash.current(tillId);
    if (session) {
      const movement = this.deps.cash.recordMovement(principal, session.id, {
        id: input.id,
        kind: 'no_sale',
        reason,
        override: input.override ?? null,
      });
      movementId = movement.id;
    } else {
      const auth = this.deps.access.authorize(principal, 'drawer.open', input.override ?? null);
      this.ctx.tx.write((tx) => {
        tx.audit({
          ...auditActor(principal),
          tillId,
          action: 'drawer.open',
          target: tillId,
          details: { requestId: input.id, reason, noCashSession: true, approvedBy: auth.approvedBy },
        });
        tx.emit({ name: 'cash.drawer.open', payload: { tillId, reason, staffId: auth.staffId } });
      });
    }
    // The event listener ran synchronously after the commit; no new event means a replayed request.
    const kick = this.kicks.get(tillId);
    if (this.seq === before || !kick || kick.seq <= before) {
      return { tillId, movementId, kick: { outcome: 'repeated', error: null } };
    }
    return { tillId, movementId, kick: await kick.result };
  }

  private async kick(tillId: string): Promise<KickResult> {
    const printer = this.deps.directory.receiptPrinterOf(tillId);
    if (printer?.drawerPin == null) {
      this.ctx.log('warn', 'drawer open recorded but the till has no drawer on a printer', { tillId });
      return { outcome: 'no_printer', error: null };
    }
    const reply = await this.deps.commander.sendCommand(
      printer.deviceId,
      { id: newId(), action: 'kick', args: { pin: printer.drawerPin } },
      KICK_TIMEOUT_MS,
    );
    if (reply.status === 'ok') return { outcome: 'kicked', error: null };
    const error = `${reply.error?.code ?? 'ERROR'}: ${reply.error?.message ?? 'no reply'}`;
    this.ctx.log('warn', 'drawer kick failed', { tillId, error });
    return { outcome: 'failed', error };
  }
}
