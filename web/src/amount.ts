// LBL amounts: the chain counts in the smallest unit (12 decimals, from the
// chain's properties); people read and type decimals.

export function formatAmount(value: bigint, decimals: number, symbol = 'LBL'): string {
  const unit = 10n ** BigInt(decimals);
  const whole = value / unit;
  const fraction = (value % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

export function parseAmount(text: string, decimals: number): bigint {
  const match = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not an amount`);
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return BigInt(match[1]) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}
