// The fiscal journal for auditors: verify the hash chain and read entries in order. Read-only; entries
// are written by the services that make fiscal events (tx.journal inside their transactions).
import type { Principal } from '../../contract/principal.js';
import { listJournal, verifyJournal } from '../../db/journal.js';
import type { Transactor } from '../../db/transactor.js';
import type { ChainVerdict, StoredChainEntry } from '../../domain/hash-chain.js';
import { requirePermission } from '../access/guards.js';

export interface JournalPage {
  items: StoredChainEntry[];
  /** Pass as `after` for the next page; equals `after` when there is nothing newer. */
  nextAfter: number;
}

/** Reading is all the service needs of the transactor (so it also runs on a bare read-only database). */
export type JournalReader = Pick<Transactor, 'read'>;

export class JournalService {
  constructor(private readonly tx: JournalReader) {}

  /** Recomputes every hash from the first entry: the verdict names the first entry that does not chain. */
  verify(principal: Principal): ChainVerdict {
    requirePermission(principal, 'reports.view');
    return this.tx.read((db) => verifyJournal(db));
  }

  list(principal: Principal, after: number, limit: number): JournalPage {
    requirePermission(principal, 'reports.view');
    return this.tx.read((db) => {
      const items = listJournal(db, after, limit);
      return { items, nextAfter: items.at(-1)?.seq ?? after };
    });
  }
}
