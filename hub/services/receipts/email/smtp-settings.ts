import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../../context.js';
import { deleteSmtpSettings, getSmtpSettings, upsertSmtpSettings } from '../../../db/smtp-queries.js';
import { auditEntry, type Actor } from '../../settings/actor.js';
import { parseOrThrow } from '../../settings/settings-schema.js';

const NO_CONTROLS = /^[^\p{Cc}]*$/u;

/**
 * The mail server settings as a manager sets them. The password is write-only: left out it keeps the
 * saved one, null removes it.
 */
export const SmtpSettingsInputSchema = z
  .strictObject({
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host name or IP address'),
    port: z.number().int().min(1).max(65535),
    secure: z
      .boolean()
      .openapi({ description: 'TLS from the first byte (usually port 465); false: STARTTLS' }),
    user: z.string().trim().min(1).max(254).regex(NO_CONTROLS).nullable(),
    password: z.string().min(1).max(512).regex(NO_CONTROLS, 'No control characters').nullable().optional(),
    from: z.email().max(254).openapi({ description: 'The sender address receipts are mailed from' }),
  })
  .openapi('SmtpSettingsInput');

export type SmtpSettingsInput = z.input<typeof SmtpSettingsInputSchema>;

export const SmtpSettingsViewSchema = z
  .object({
    configured: z.boolean(),
    host: z.string().nullable(),
    port: z.number().int().nullable(),
    secure: z.boolean().nullable(),
    user: z.string().nullable(),
    from: z.string().nullable(),
    passwordSet: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .openapi('SmtpSettings');

export type SmtpSettingsView = z.output<typeof SmtpSettingsViewSchema>;

/** Everything a mail transport needs, password included: hub-internal only. */
export interface SmtpConnection {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

const NOT_CONFIGURED: SmtpSettingsView = {
  configured: false,
  host: null,
  port: null,
  secure: null,
  user: null,
  from: null,
  passwordSet: false,
  updatedAt: null,
};

/**
 * The store's mail server for e-receipts, in its own table (012_smtp_settings.sql) so the password is
 * never replicated, never in an API answer and never in the audit log.
 */
export class SmtpSettings {
  constructor(private readonly ctx: HubContext) {}

  view(): SmtpSettingsView {
    const row = this.ctx.tx.read((db) => getSmtpSettings(db));
    if (!row) return NOT_CONFIGURED;
    return {
      configured: true,
      host: row.host,
      port: row.port,
      secure: row.secure === 1,
      user: row.username,
      from: row.from_address,
      passwordSet: row.password !== null,
      updatedAt: row.updated_at,
    };
  }

  /** The connection to send with, or null when the store has not set a mail server. */
  connection(): SmtpConnection | null {
    const row = this.ctx.tx.read((db) => getSmtpSettings(db));
    if (!row) return null;
    return {
      host: row.host,
      port: row.port,
      secure: row.secure === 1,
      user: row.username,
      password: row.password,
      from: row.from_address,
    };
  }

  save(input: unknown, actor: Actor): SmtpSettingsView {
    const next = parseOrThrow(SmtpSettingsInputSchema, input, 'mail server settings');
    this.ctx.tx.write((tx) => {
      const saved = getSmtpSettings(tx.db);
      const password = next.password === undefined ? (saved?.password ?? null) : next.password;
      upsertSmtpSettings(tx.db, {
        host: next.host,
        port: next.port,
        secure: next.secure ? 1 : 0,
        username: next.user,
        password,
        from_address: next.from,
        updated_at: tx.at,
      });
      tx.audit(
        auditEntry(actor, 'settings.smtp', 'smtp_settings', {
          host: next.host,
          port: next.port,
          secure: next.secure,
          user: next.user,
          from: next.from,
          passwordChanged: next.password !== undefined,
        }),
      );
    });
    return this.view();
  }

  remove(actor: Actor): SmtpSettingsView {
    this.ctx.tx.write((tx) => {
      deleteSmtpSettings(tx.db);
      tx.audit(auditEntry(actor, 'settings.smtp.remove', 'smtp_settings'));
    });
    return this.view();
  }
}
