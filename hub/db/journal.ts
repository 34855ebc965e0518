import {
  GENESIS_HASH,
  chainHash,
  verifyChain,
  type ChainVerdict,
  type StoredChainEntry,
} from '../domain/hash-chain.js';
import type { Db } from './connection.js';

interface JournalRow {
  seq: number;
  at: string;
  type: string;
  entity_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface JournalEntryRef {
  seq: number;
  hash: string;
}

/** Appends a fiscal entry chained to the previous one. Must run inside the caller's write transaction. */
export function appendJournal(
  db: Db,
  at: string,
  type: string,
  entityId: string | null,
  payload: unknown,
): JournalEntryRef {
  const last = db
    .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1')
    .get();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, { seq, at, type, entityId, payload });
  db.prepare(
    'INSERT INTO journal (seq, at, type, entity_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, at, type, entityId, JSON.stringify(payload), prevHash, hash);
  return { seq, hash };
}

function* journalEntries(db: Db): Generator<StoredChainEntry> {
  const rows = db
    .prepare<[], JournalRow>(
      'SELECT seq, at, type, entity_id, payload, prev_hash, hash FROM journal ORDER BY seq',
    )
    .iterate();
  for (const row of rows) yield chainEntry(row);
}

function chainEntry(row: JournalRow): StoredChainEntry {
  return {
    seq: row.seq,
    at: row.at,
    type: row.type,
    entityId: row.entity_id,
    payload: JSON.parse(row.payload) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function verifyJournal(db: Db): ChainVerdict {
  return verifyChain(journalEntries(db));
}

export function listJournal(db: Db, afterSeq: number, limit: number): StoredChainEntry[] {
  return db
    .prepare<[number, number], JournalRow>(
      'SELECT seq, at, type, entity_id, payload, prev_hash, hash FROM journal WHERE seq > ? ORDER BY seq LIMIT ?',
    )
    .all(afterSeq, limit)
    .map(chainEntry);
}
