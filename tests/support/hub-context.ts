import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../hub/clock.js';
import { openDatabase } from '../../hub/db/connection.js';
import { migrate } from '../../hub/db/migrate.js';
import { Transactor } from '../../hub/db/transactor.js';
import { EventBus } from '../../hub/events/event-bus.js';
import type { HubContext } from '../../hub/context.js';
import type { DomainEvent } from '../../hub/contract/events.js';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-06-01T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestContext extends HubContext {
  dir: string;
  dbPath: string;
  events: DomainEvent[];
  close(): void;
}

/** A real SQLite file in a fresh temp dir, migrated, with a bus that records every event. */
export function createTestContext(clock: Clock = new ManualClock()): TestContext {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  const dbPath = join(dir, 'hub.db');
  const db = openDatabase(dbPath);
  migrate(db);
  const bus = new EventBus((error) => {
    throw error;
  });
  const events: DomainEvent[] = [];
  bus.onAny('test', (event) => events.push(event));
  return {
    dir,
    dbPath,
    db,
    bus,
    clock,
    tx: new Transactor(db, bus, clock),
    log: () => undefined,
    events,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
