import type { DeviceReplyPayload } from '../../contract/mqtt.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as q from '../../db/devices-queries.js';
import { BusinessRuleError, ConflictError, ForbiddenError } from '../../errors.js';
import { newId } from '../../ids.js';
import { isoNow } from '../../clock.js';
import { auditActor } from '../access/audit-actor.js';
import { requirePermission, requireTillStaff } from '../access/guards.js';
import type { TerminalAdapter } from '../payments/terminal-adapter.js';
import type { CommandRequest } from './command-channel.js';
import type { Device } from './device-view.js';
import type { ProfileCatalog } from './profiles.js';
import { TEST_ACTIONS_OF_KIND, planCommand, type TestAction } from './test-actions.js';

/** Picks the terminal adapter for a terminal device; null when none is wired (payments are not MQTT). */
/** How long a scale may wait for the weight to settle: a shopper's item stops moving in a second or two. */
const SCALE_SETTLE_MS = 3_000;
/** Time left for the reply to travel back after the scale gives up. */
const REPLY_MARGIN_MS = 1_000;

export type TerminalFactory = (device: Device) => TerminalAdapter | null;

export interface TestResult {
  deviceId: string;
  action: TestAction['action'];
  /** The device the command went to: a drawer's kick goes to the printer it hangs on. */
  sentTo: string;
  ok: boolean;
  data: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
}

export interface StableWeight {
  deviceId: string;
  grams: number;
  /** The tare the scale holds, so the cashier sees the net weight is net. */
  tareGrams: number;
}

export type ScaleAdjustment = 'tare' | 'zero';

export interface ScaleAdjusted {
  deviceId: string;
  tareGrams: number;
  /** The net weight read just after, or null when the scale gave none. */
  grams: number | null;
}

/**
 * Commands the hub sends on a person's behalf: a technician's test actions (audited, 'devices.manage')
 * and a cashier's request for a stable weight from the till's scale. Device failures are results, not
 * throws: a test that times out is a finding for the technician, not a server error.
 */
export class DeviceActions {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: {
      /** DeviceService.sendCommand with the configured timeout: it refuses revoked and offline targets. */
      send: (targetId: string, command: CommandRequest) => Promise<DeviceReplyPayload>;
      profiles: ProfileCatalog;
      terminals: TerminalFactory | null;
      timeoutMs: number;
      device: (id: string) => Device;
    },
  ) {}

  async test(principal: Principal, deviceId: string, test: TestAction): Promise<TestResult> {
    requirePermission(principal, 'devices.manage');
    const device = this.deps.device(deviceId);
    if (device.status === 'revoked') {
      throw new ConflictError(`Device ${deviceId} is revoked`, { id: deviceId }, 'DEVICE_REVOKED');
    }
    if (!TEST_ACTIONS_OF_KIND[device.kind].includes(test.action)) {
      throw new BusinessRuleError('ACTION_NOT_FOR_KIND', `A ${device.kind} cannot ${test.action}`, {
        kind: device.kind,
        allowed: TEST_ACTIONS_OF_KIND[device.kind],
      });
    }
    const result =
      test.action === 'payment' ? await this.testPayment(device, test) : await this.testCommand(device, test);
    this.ctx.tx.write((tx) => {
      tx.audit({
        ...auditActor(principal),
        action: 'device.test',
        target: deviceId,
        outcome: result.ok ? 'ok' : 'failed',
        details: { action: test.action, sentTo: result.sentTo, error: result.error },
      });
    });
    return result;
  }

  /** A till's weighed item: only a stable weight from the scale assigned to that till. */
  async stableWeight(principal: Principal, tillId: string): Promise<StableWeight> {
    const device = this.tillScale(principal, tillId, 'read');
    // The scale's own wait for a steady reading must end before ours for its reply, or the cashier gets
    // TIMEOUT instead of the scale's answer (WEIGHT_UNSTABLE, OVER_CAPACITY).
    const settleMs = Math.max(250, Math.min(SCALE_SETTLE_MS, this.deps.timeoutMs - REPLY_MARGIN_MS));
    const reply = await this.deps.send(device.id, {
      action: 'read',
      args: { stableOnly: true, timeoutMs: settleMs },
    });
    const grams = reply.data?.grams;
    const stable = reply.data?.stable !== false;
    if (
      reply.status === 'ok' &&
      stable &&
      typeof grams === 'number' &&
      Number.isSafeInteger(grams) &&
      grams >= 0
    ) {
      const tare = reply.data?.tareGrams;
      return { deviceId: device.id, grams, tareGrams: typeof tare === 'number' ? tare : 0 };
    }
    const code = reply.error?.code ?? '';
    if ((reply.status === 'ok' && !stable) || /UNSTABLE|MOVING|MOTION/i.test(code)) {
      throw new BusinessRuleError(
        'WEIGHT_UNSTABLE',
        'The weight is not stable; wait for the scale to settle',
        { deviceId: device.id },
      );
    }
    throw new BusinessRuleError(
      'SCALE_UNAVAILABLE',
      reply.error?.message ?? 'The scale gave no usable weight',
      {
        deviceId: device.id,
        reason: code || 'BAD_REPLY',
      },
    );
  }

  /**
   * The cashier's tare or zero key on the till's scale, for a scale out of the cashier's reach or a
   * container on the platter. The scale itself refuses while the load moves or is out of range.
   */
  async adjustScale(principal: Principal, tillId: string, action: ScaleAdjustment): Promise<ScaleAdjusted> {
    const device = this.tillScale(principal, tillId, action);
    const reply = await this.deps.send(device.id, { action, args: {} });
    if (reply.status === 'ok') {
      const tare = reply.data?.tareGrams;
      const grams = reply.data?.grams;
      return {
        deviceId: device.id,
        tareGrams: typeof tare === 'number' ? tare : 0,
        grams: typeof grams === 'number' ? grams : null,
      };
    }
    const code = reply.error?.code ?? 'BAD_REPLY';
    if (/UNSTABLE|MOVING|MOTION/i.test(code)) {
      throw new BusinessRuleError(
        'WEIGHT_UNSTABLE',
        'The weight is not stable; wait for the scale to settle',
        {
          deviceId: device.id,
        },
      );
    }
    throw new BusinessRuleError('SCALE_REFUSED', reply.error?.message ?? `The scale did not ${action}`, {
      deviceId: device.id,
      action,
      reason: code,
    });
  }

  /** The scale assigned to the caller's own till. */
  private tillScale(principal: Principal, tillId: string, action: string): Device {
    const caller = requireTillStaff(principal);
    if (caller.tillId !== tillId)
      throw new ForbiddenError('Only that till may use its scale', { tillId, action }, 'OTHER_TILL');
    const row = this.ctx.tx.read((db) => q.deviceWithRole(db, tillId, 'scale'));
    if (!row)
      throw new BusinessRuleError('SCALE_UNAVAILABLE', 'No scale is assigned to this till', { tillId });
    return this.deps.device(row.id);
  }

  private async testCommand(
    device: Device,
    test: Exclude<TestAction, { action: 'payment' }>,
  ): Promise<TestResult> {
    const planned = planCommand(device, test, {
      at: isoNow(this.ctx.clock),
      profiles: this.deps.profiles,
      printerProfile: (id) => this.ctx.tx.read((db) => q.getDevice(db, id)?.profile_id ?? null),
    });
    const reply = await this.deps.send(planned.targetId, planned.command);
    return {
      deviceId: device.id,
      action: test.action,
      sentTo: planned.targetId,
      ok: reply.status === 'ok',
      data: reply.data ?? null,
      error:
        reply.status === 'ok'
          ? null
          : (reply.error ?? { code: 'DEVICE_ERROR', message: 'The device reported an error' }),
    };
  }

  private async testPayment(
    device: Device,
    test: Extract<TestAction, { action: 'payment' }>,
  ): Promise<TestResult> {
    const base = { deviceId: device.id, action: 'payment' as const, sentTo: device.id, data: null };
    const terminal = this.deps.terminals?.(device) ?? null;
    if (!terminal) {
      const message =
        'Test payments go through the payment terminal adapter, not MQTT; no terminal adapter is wired for this device';
      return { ...base, ok: false, error: { code: 'TERMINAL_NOT_AVAILABLE', message } };
    }
    const paymentId = newId();
    const outcome = await terminal.startPayment({
      paymentId,
      saleId: `device-test-${device.id}`,
      amountMinor: test.amountMinor,
      currency: test.currency,
    });
    const ok = outcome.status === 'approved';
    return {
      ...base,
      ok,
      data: { paymentId, outcome: outcome.status },
      error:
        outcome.status === 'approved'
          ? null
          : { code: `PAYMENT_${outcome.status.toUpperCase()}`, message: outcome.reason },
    };
  }
}
