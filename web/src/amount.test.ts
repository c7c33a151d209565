import { describe, expect, it } from 'vitest';

import { formatAmount, parseAmount } from './amount';

describe('amounts', () => {
  it('read and write decimals of the smallest unit', () => {
    expect(parseAmount('20', 12)).toBe(20n * 10n ** 12n);
    expect(parseAmount('0.5', 12)).toBe(5n * 10n ** 11n);
    expect(formatAmount(1_500_000_000_000n, 12)).toBe('1.5 LBL');
    expect(formatAmount(0n, 12)).toBe('0 LBL');
    expect(() => parseAmount('1.2.3', 12)).toThrow(/not an amount/);
    expect(() => parseAmount('-1', 12)).toThrow(/not an amount/);
    expect(() => parseAmount('0.0000000000001', 12)).toThrow(/decimals/);
  });
});
