import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';

/**
 * The fingerprint of a create request: canonical JSON (key order and absent fields do not matter), so an
 * offline till replaying the same request is recognised and a different body under the same id is not.
 * Callers leave the supervisor override out: a PIN must never end up in a stored hash.
 */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
