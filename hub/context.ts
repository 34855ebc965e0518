import type { Clock } from './clock.js';
import type { Db } from './db/connection.js';
import type { Transactor } from './db/transactor.js';
import type { EventBus } from './events/event-bus.js';
import type { Logger } from './http/error-handler.js';

/** What every service is built from. Constructors store these and do no work (start() does). */
export interface HubContext {
  db: Db;
  tx: Transactor;
  bus: EventBus;
  clock: Clock;
  log: Logger;
}
