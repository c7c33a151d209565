import { TypeRegistry } from '@polkadot/types';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';

import { commitment, freshSalt } from './seal';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

describe('sealed labels', () => {
  it('hash the SCALE encoding of (task, item, label, salt, account)', () => {
    const salt = Uint8Array.from({ length: 32 }, (_, i) => i);
    const registry = new TypeRegistry();
    const scale = registry.createType('(u32, u32, u16, [u8; 32], AccountId32)', [70000, 3, 258, salt, ALICE]).toU8a();
    expect(commitment(70000, 3, 258, salt, ALICE)).toEqual(blake2AsU8a(scale, 256));
    expect(commitment(70000, 3, 257, salt, ALICE)).not.toEqual(blake2AsU8a(scale, 256));
  });

  it('take fresh 32-byte salts', () => {
    const [a, b] = [freshSalt(), freshSalt()];
    expect(a).toMatch(/^0x[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});
