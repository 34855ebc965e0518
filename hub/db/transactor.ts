import { isoNow, type Clock } from '../clock.js';
import type { DomainEvent } from '../contract/events.js';
import type { EventBus } from '../events/event-bus.js';
import { writeAudit, type AuditEntry } from './audit.js';
import type { Db } from './connection.js';
import { nextCounter } from './counters.js';
import { appendJournal, type JournalEntryRef } from './journal.js';
import { addOutbox, type OutboxOp } from './outbox.js';
import { mapStorageError } from './sqlite-errors.js';

/** What a service may do inside one write transaction. Events are held until the commit succeeds. */
export interface Tx {
  readonly db: Db;
  /** One timestamp for everything the transaction writes. */
  readonly at: string;
  emit(event: DomainEvent): void;
  journal(type: string, entityId: string | null, payload: unknown): JournalEntryRef;
  outbox(entity: string, entityId: string, op: OutboxOp, payload: unknown): void;
  audit(entry: AuditEntry): void;
  nextCounter(name: string): number;
}

export class Transactor {
  constructor(
    readonly db: Db,
    private readonly bus: EventBus,
    readonly clock: Clock,
  ) {}

  /**
   * Runs fn in an IMMEDIATE transaction (the write lock is taken up front, so two writers never
   * deadlock upgrading a read lock), then publishes the events it emitted. A throw rolls back everything,
   * events included.
   */
  write<T>(fn: (tx: Tx) => T): T {
    const events: DomainEvent[] = [];
    const db = this.db;
    const at = isoNow(this.clock);
    const tx: Tx = {
      db,
      at,
      emit: (event) => events.push(event),
      journal: (type, entityId, payload) => appendJournal(db, at, type, entityId, payload),
      outbox: (entity, entityId, op, payload) => {
        addOutbox(db, at, entity, entityId, op, payload);
      },
      audit: (entry) => {
        writeAudit(db, at, entry);
      },
      nextCounter: (name) => nextCounter(db, name),
    };
    let result: T;
    try {
      result = db.transaction(() => fn(tx)).immediate();
    } catch (error) {
      throw mapStorageError(error);
    }
    for (const event of events) this.bus.emit(event);
    return result;
  }

  /** Reads outside a write see a consistent snapshot of the last commit (WAL). */
  read<T>(fn: (db: Db) => T): T {
    try {
      return fn(this.db);
    } catch (error) {
      throw mapStorageError(error);
    }
  }
}
