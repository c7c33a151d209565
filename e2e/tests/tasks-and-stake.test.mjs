// A requester's task and an annotator's bond, made and undone from Polkadot.js
// against a dev node, with nothing but the runtime's metadata.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';

import { MANIFEST_CID, UNIT, startDevChain, submit as submitTo } from '../lib/dev-chain.mjs';

let chain;
let api;
let keyring;

before(async () => {
  chain = await startDevChain('tasks');
  ({ api, keyring } = chain);
});

after(async () => {
  await chain?.stop();
});

const submit = (tx, signer) => submitTo(api, tx, signer);

const free = async (address) => (await api.query.system.account(address)).data.free.toBigInt();
const reserved = async (address) => (await api.query.system.account(address)).data.reserved.toBigInt();

test('a requester creates, tops up and cancels a task; the escrow comes back', async () => {
  const requester = keyring.addFromUri('//Alice');
  const freeBefore = await free(requester.address);
  const reservedBefore = await reserved(requester.address);
  const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;

  const spec = {
    manifest: MANIFEST_CID,
    itemCount: 20,
    classCount: 2,
    minRedundancy: 3,
    maxRedundancy: 3,
    targetAccuracy: 660_000_000, // Perbill: 66 %
    rewardPerLabel: UNIT,
    disputeBudget: 10n * UNIT,
    deadline,
    minTier: 'Newcomer',
    minStake: 50n * UNIT,
    assignment: 'Assigned',
    domain: 0,
    goldCommitments: [u8aToHex(new Uint8Array(32).fill(1))],
  };
  const created = await submit(api.tx.tasks.createTask(spec), requester);
  const event = created.find((e) => api.events.tasks.TaskCreated.is(e));
  assert.ok(event, 'no TaskCreated event');
  const task = event.data.task.toNumber();
  // 20 items × 3 labels × (1 LBL + 5 % protocol fee) + 10 LBL for disputes.
  const budget = 60n * (UNIT + UNIT / 20n) + 10n * UNIT;
  assert.equal(event.data.budget.toBigInt(), budget);
  // The gold commitment bonds a gold slash (1 LBL) for each of its item's 3 labels.
  const goldBond = 3n * UNIT;
  assert.equal(event.data.goldBonds.toBigInt(), goldBond);
  // And a storage deposit for the task and its commitment, until they are
  // pruned after close.
  const deposit = event.data.storageDeposit.toBigInt();
  assert.ok(deposit > 0n && deposit < UNIT, `storage deposit ${deposit}`);
  assert.equal(await reserved(requester.address), reservedBefore + budget + goldBond + deposit);

  const stored = (await api.query.tasks.tasks(task)).unwrap();
  assert.equal(stored.manifest.toHex(), MANIFEST_CID);
  assert.equal(stored.terms.itemCount.toNumber(), 20);
  assert.equal(stored.terms.status.type, 'Open');
  assert.equal(stored.goldCount.toNumber(), 1);

  await submit(api.tx.tasks.topUp(task, 5n * UNIT), requester);
  assert.equal(await reserved(requester.address), reservedBefore + budget + goldBond + deposit + 5n * UNIT);

  // Only the requester may cancel; the runtime's error name comes back.
  await assert.rejects(submit(api.tx.tasks.cancelTask(task), keyring.addFromUri('//Bob')), /tasks\.NotRequester/);

  const cancelled = await submit(api.tx.tasks.cancelTask(task), requester);
  const closed = cancelled.find((e) => api.events.tasks.TaskClosed.is(e));
  assert.equal(closed.data.refunded.toBigInt(), budget + 5n * UNIT);
  assert.equal((await api.query.tasks.tasks(task)).unwrap().terms.status.type, 'Closed');
  // The deposit waits for a later block, which prunes the task's gold. The
  // dev node's sealing tick may seal that block before engine_createBlock
  // does, so it is looked for in every block since the cancel.
  const cancelledAt = (await api.rpc.chain.getHeader()).number.toNumber();
  if (await reserved(requester.address) === reservedBefore + deposit) await api.rpc.engine.createBlock(true, true);
  let pruned;
  for (let number = cancelledAt - 1; !pruned && number <= (await api.rpc.chain.getHeader()).number.toNumber(); number += 1) {
    pruned = (await api.query.system.events.at(await api.rpc.chain.getBlockHash(number)))
      .map(({ event }) => event)
      .find((e) => api.events.tasks.TaskPruned.is(e) && e.data.task.toNumber() === task);
  }
  assert.equal(pruned?.data.depositReturned.toBigInt(), deposit);
  assert.equal(await reserved(requester.address), reservedBefore);
  // Its gold was never revealed: the bond went to the treasury.
  const goldSettled = cancelled.find((e) => api.events.tasks.GoldBondsSettled.is(e));
  assert.equal(goldSettled.data.forfeited.toBigInt(), goldBond);
  // The bond and the fees of the four transactions were spent.
  const spent = freeBefore - await free(requester.address) - goldBond;
  assert.ok(spent > 0n && spent < UNIT, `spent ${spent}`);
});

test('an annotator bonds stake and unbonds it; it stays held while unbonding', async () => {
  const annotator = keyring.addFromUri('//Charlie');
  const reservedBefore = await reserved(annotator.address);

  await assert.rejects(submit(api.tx.annotatorStake.bond(UNIT), annotator), /annotatorStake\.BelowMinimumStake/);

  const bonded = await submit(api.tx.annotatorStake.bond(100n * UNIT), annotator);
  assert.ok(bonded.some((e) => api.events.annotatorStake.Bonded.is(e)));
  assert.equal(await reserved(annotator.address), reservedBefore + 100n * UNIT);
  const ledger = (await api.query.annotatorStake.ledgers(annotator.address)).unwrap();
  assert.equal(ledger.bonded.toBigInt(), 100n * UNIT);

  const unbonding = await submit(api.tx.annotatorStake.unbond(100n * UNIT), annotator);
  const event = unbonding.find((e) => api.events.annotatorStake.Unbonding.is(e));
  assert.ok(event, 'no Unbonding event');
  const after = (await api.query.annotatorStake.ledgers(annotator.address)).unwrap();
  assert.equal(after.bonded.toBigInt(), 0n);
  assert.equal(after.unbonding[0].amount.toBigInt(), 100n * UNIT);
  assert.equal(after.unbonding[0].unlocksAt.toNumber(), event.data.unlocksAt.toNumber());
  // Still held (slashable) until the unbonding week has passed.
  assert.equal(await reserved(annotator.address), reservedBefore + 100n * UNIT);
  await assert.rejects(submit(api.tx.annotatorStake.withdraw(), annotator), /annotatorStake\.NothingToWithdraw/);
});
