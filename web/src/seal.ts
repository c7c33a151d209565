// A sealed label: what an annotator commits is blake2-256 of the SCALE
// encoding of (task u32, item u32, label u16, salt [u8; 32], account), the
// voting pallet's commitment (PROTOCOL.md, "Labeling and consensus").

import { u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';

/** `value` as a SCALE u16 or u32 (little-endian). */
export function littleEndian(value: number, bits: 16 | 32): Uint8Array {
  const bytes = new Uint8Array(bits / 8);
  const view = new DataView(bytes.buffer);
  if (bits === 16) view.setUint16(0, value, true);
  else view.setUint32(0, value, true);
  return bytes;
}

/** The commitment of `label` on `item` of `task` by `account` with `salt` (32 bytes). */
export function commitment(task: number, item: number, label: number, salt: Uint8Array, account: string): Uint8Array {
  if (salt.length !== 32) throw new Error('a salt is 32 bytes');
  return blake2AsU8a(u8aConcat(
    littleEndian(task, 32), littleEndian(item, 32), littleEndian(label, 16), salt, decodeAddress(account)), 256);
}

/** A fresh random salt, as hex. */
export function freshSalt(): string {
  return u8aToHex(crypto.getRandomValues(new Uint8Array(32)));
}
