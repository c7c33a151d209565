// What went wrong with a transaction, said so that a person can act on it:
// the runtime's error by name with its documentation from the metadata, or
// the pool's refusal in words.

import type { ApiPromise } from '@polkadot/api';
import type { DispatchError } from '@polkadot/types/interfaces';

export class TransactionRefused extends Error {
  constructor(readonly errorName: string, readonly meaning: string) {
    super(meaning ? `${errorName}: ${meaning}` : errorName);
    this.name = 'TransactionRefused';
  }
}

/** The runtime refused the call: `labelVoting.AlreadyCommitted` and what its docs say it means. */
export function dispatchFailure(api: ApiPromise, error: DispatchError): TransactionRefused {
  if (error.isModule) {
    const { section, name, docs } = api.registry.findMetaError(error.asModule);
    return new TransactionRefused(`${section}.${name}`, docs.join(' ').trim());
  }
  if (error.isToken) return new TransactionRefused(`token.${error.asToken.type}`, tokenMeaning(error.asToken.type));
  return new TransactionRefused(error.type, '');
}

function tokenMeaning(kind: string): string {
  switch (kind) {
    case 'FundsUnavailable': return 'the account does not hold enough free balance for this';
    case 'BelowMinimum': return 'the amount would leave an account below the existential deposit';
    case 'Frozen': return 'the funds are held or frozen (bonded stake or escrow)';
    default: return '';
  }
}

/** The pool refused the transaction before any block: its message in words. */
export function poolFailure(error: Error): TransactionRefused {
  const text = error.message;
  if (/Inability to pay some fees|account balance too low/i.test(text)) {
    return new TransactionRefused('pool.CannotPayFee', 'the account\'s balance cannot pay this transaction\'s fee: get some LBL first');
  }
  if (/Priority is too low|already imported/i.test(text)) {
    return new TransactionRefused('pool.Duplicate', 'the same transaction is already waiting to be included');
  }
  if (/Transaction is outdated|stale/i.test(text)) {
    return new TransactionRefused('pool.Outdated', 'the transaction\'s nonce is used already; send it again');
  }
  if (/Cancelled|Rejected by user/i.test(text)) {
    return new TransactionRefused('wallet.Cancelled', 'the signature was refused in the wallet');
  }
  return new TransactionRefused('pool.Invalid', text);
}
