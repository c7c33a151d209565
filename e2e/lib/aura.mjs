// Reading Aura's part of a block header.

import assert from 'node:assert/strict';

/**
 * The slot in a header's Aura pre-runtime digest (0x06 'aura' len u64-LE).
 * `header` is as `chain_getHeader` answers: digest logs as hex strings.
 */
export function auraSlot(header) {
  const preDigest = header.digest.logs
    .map((log) => Buffer.from(log.slice(2), 'hex'))
    .find((bytes) => bytes[0] === 6 && bytes.subarray(1, 5).toString() === 'aura');
  assert.ok(preDigest, `block ${header.number} has no Aura pre-digest`);
  return preDigest.readBigUInt64LE(6);
}
