// Sending a signed transaction and waiting for its block. One account's
// transactions go out one at a time, in order, each with the next nonce this
// page counts itself (the node's `accountNextIndex` lags a transaction that
// has only just entered the pool), so that labels given in quick succession
// never race for the same nonce. A nonce the pool calls used is counted again
// from the node and the transaction sent once more.

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord } from '@polkadot/types/interfaces';

import type { Account } from '../wallet';
import { TransactionRefused, dispatchFailure, poolFailure } from './errors';

interface Lane { tail: Promise<unknown>; nonce?: number }

const lanes = new Map<string, Lane>();

/** Tries of one transaction whose nonce turned out used. */
const NONCE_TRIES = 3;

/**
 * Signs `tx` as `account`, sends it, and resolves with its events once it is
 * in a block; a refusal by the wallet, the pool or the runtime rejects with a
 * `TransactionRefused` naming it.
 */
export function send(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, account: Account): Promise<EventRecord[]> {
  const key = `${api.genesisHash.toHex()}/${account.address}`;
  const lane = lanes.get(key) ?? { tail: Promise.resolve() };
  lanes.set(key, lane);
  let leavePool!: () => void;
  const pooled = new Promise<void>((resolve) => { leavePool = resolve; });
  const turn = lane.tail.then(() => {});
  lane.tail = turn.then(() => pooled);

  return turn.then(async () => {
    try {
      for (let attempt = 1; ; attempt += 1) {
        if (lane.nonce === undefined) lane.nonce = (await api.rpc.system.accountNextIndex(account.address)).toNumber();
        const nonce = lane.nonce;
        try {
          const included = sendOnce(api, tx, account, nonce);
          await included.pooled;
          lane.nonce = nonce + 1;
          leavePool();
          return await included.inBlock;
        } catch (error) {
          if (!(error instanceof TransactionRefused) || !['pool.Outdated', 'pool.Duplicate'].includes(error.errorName) || attempt >= NONCE_TRIES) {
            throw error;
          }
          lane.nonce = undefined;
        }
      }
    } catch (error) {
      // A transaction that never entered the pool used no nonce: count again.
      lane.nonce = undefined;
      throw error;
    } finally {
      leavePool();
    }
  });
}

function sendOnce(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, account: Account, nonce: number) {
  let pooledResolve!: () => void;
  let pooledReject!: (error: Error) => void;
  const pooled = new Promise<void>((resolve, reject) => { pooledResolve = resolve; pooledReject = reject; });
  const inBlock = new Promise<EventRecord[]>((resolve, reject) => {
    const fail = (error: Error) => { pooledReject(error); reject(error); };
    const options = account.signer ? { signer: account.signer, nonce } : { nonce };
    tx.signAndSend(account.pair ?? account.address, options, ({ status, events, dispatchError }) => {
      if (status.isReady || status.isBroadcast || status.isInBlock || status.isFinalized) pooledResolve();
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        fail(poolFailure(new Error(`the transaction was ${status.type.toLowerCase()} by the pool`)));
        return;
      }
      if (!status.isInBlock && !status.isFinalized) return;
      if (dispatchError) reject(dispatchFailure(api, dispatchError));
      else resolve(events);
    }).catch((error: Error) => fail(poolFailure(error)));
  });
  // Whoever awaits only one of the two must not leave the other unhandled.
  inBlock.catch(() => {});
  pooled.catch(() => {});
  return { pooled, inBlock };
}
