import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  seq: number;
  at: string;
  type: string;
  entityId: string | null;
  payload: unknown;
}

/** Each entry's hash covers the previous hash and the entry itself, so editing any past entry breaks every later link. */
export function chainHash(prevHash: string, entry: ChainEntry): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: entry.seq,
        at: entry.at,
        type: entry.type,
        entityId: entry.entityId,
        payload: entry.payload,
      }),
    )
    .digest('hex');
}

export interface StoredChainEntry extends ChainEntry {
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Walks entries in seq order; stops at the first entry that does not follow from the one before. */
export function verifyChain(entries: Iterable<StoredChainEntry>): ChainVerdict {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { ok: false, entries: count, brokenAtSeq: entry.seq, reason: `expected seq ${expectedSeq}` };
    }
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, entries: count, brokenAtSeq: entry.seq, reason: 'prev_hash does not match' };
    }
    if (chainHash(entry.prevHash, entry) !== entry.hash) {
      return { ok: false, entries: count, brokenAtSeq: entry.seq, reason: 'hash does not match content' };
    }
    expectedPrev = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count, lastHash: expectedPrev };
}
