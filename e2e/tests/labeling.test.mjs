// A requester and three annotators label an item from Polkadot.js against a
// dev node: the requester creates an `Assigned` task, the annotators bond,
// claim, commit a salted hash and reveal; after the appeal window the chain
// settles the item by itself (nobody sends finalize), the agreeing two are
// paid from escrow and the task closes. Along
// the way the test checks balances, events and storage, and reads the same
// state through the labeling runtime API twice: `api.call.labelingApi.*`
// (decoded from metadata) and the node's `labeling_*` JSON-RPC methods.
// No type definitions are written by hand.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';

import { MANIFEST_CID, UNIT, startDevChain, submit as submitTo } from '../lib/dev-chain.mjs';
import { createOpenTask as createOpenTaskOn, sealedLabel as sealedLabelFor } from '../lib/labeling.mjs';
import { prometheusMetrics, waitFor } from '../lib/node-process.mjs';

let chain;
let api;
let keyring;

before(async () => {
  chain = await startDevChain('voting');
  ({ api, keyring } = chain);
});

after(async () => {
  await chain?.stop();
});

const submit = (tx, signer) => submitTo(api, tx, signer);

/** Seals an empty block and returns its events (the block hooks' included). */
async function sealBlock() {
  await chain.node.call('engine_createBlock', [true, true, null]);
  return (await api.query.system.events()).map(({ event }) => event);
}

/** Seals empty blocks until block `number` is the best. */
async function sealBlocksUpTo(number) {
  while ((await api.rpc.chain.getHeader()).number.toNumber() < number) {
    await chain.node.call('engine_createBlock', [true, true, null]);
  }
}
/** A `labeling_*` JSON-RPC method, called as any HTTP client would. */
const labeling = (method, ...params) => chain.node.call(`labeling_${method}`, params);
const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
const held = async (who) => (await api.query.system.account(who.address)).data.reserved.toBigInt();
/** The fee `who` paid for the transaction that emitted `events`. */
const feePaid = (events, who) => events
  .filter((e) => api.events.transactionPayment.TransactionFeePaid.is(e) && e.data.who.toString() === who.address)
  .reduce((sum, e) => sum + e.data.actualFee.toBigInt() - e.data.tip.toBigInt(), 0n);

const sealedLabel = (...args) => sealedLabelFor(api, ...args);

/** What a requester commits for a gold answer: blake2_256(SCALE((item, answer, salt))). */
function goldCommitment(item, answer, salt) {
  return blake2AsU8a(api.createType('(u32, u16, [u8; 32])', [item, answer, salt]).toU8a());
}

/** The commitment test vectors of the runtime's primitives (primitives/src/commitment.rs). */
const COMMITMENT_VECTORS = JSON.parse(
  readFileSync(new URL('../../primitives/src/commitment_vectors.json', import.meta.url), 'utf8'),
);

/** Annotators at `uris`, each sent 100 LBL by `funder`, bonding 20 LBL. */
async function bondedAnnotators(funder, uris) {
  const annotators = uris.map((uri) => keyring.addFromUri(uri));
  for (const who of annotators) {
    await submit(api.tx.balances.transferKeepAlive(who.address, 100n * UNIT), funder);
    await submit(api.tx.annotatorStake.bond(20n * UNIT), who);
  }
  return annotators;
}

const createOpenTask = (...args) => createOpenTaskOn(api, ...args);

test('a requester and three annotators label an item; RPC and runtime API agree with storage', async () => {
  const requester = keyring.addFromUri('//Alice');
  const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
  const genesisHash = api.genesisHash.toHex();
  const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;
  // 1 item × 3 labels × (1 LBL + the 5 % protocol fee) + 5 LBL dispute
  // budget, as the chain quotes it before anything is signed.
  const fee = UNIT / 20n;
  const budget = 3n * (UNIT + fee) + 5n * UNIT;
  const quote = (await api.call.labelingApi.taskBudget(1, 3, UNIT, 5n * UNIT, 0)).asOk;
  // On top of the escrow, a storage deposit held until the closed task's
  // storage is removed.
  const deposit = quote.storageDeposit.toBigInt();
  assert.ok(deposit > 0n);
  assert.equal(quote.total.toBigInt(), budget + deposit);
  assert.equal(quote.feePerLabel.toBigInt(), fee);
  // The same quote over plain JSON-RPC, amounts as decimal strings.
  const rpcQuote = await labeling('taskBudget', 1, 3, UNIT.toString(), (5n * UNIT).toString(), 0);
  assert.equal(rpcQuote.total, (budget + deposit).toString());
  assert.equal(rpcQuote.storageDeposit, deposit.toString());
  assert.equal(rpcQuote.feePerLabel, fee.toString());
  await assert.rejects(labeling('taskBudget', 1, 3, '1.5', '0'), { code: -32602 });
  await assert.rejects(labeling('taskBudget', 4_000_000_000, 64, (2n ** 127n).toString(), '0'), { code: -32602 });

  // The requester publishes the task and its budget is held.
  const heldBefore = await held(requester);
  const created = await submit(api.tx.tasks.createTask({
    manifest: MANIFEST_CID,
    itemCount: 1,
    classCount: 2,
    minRedundancy: 3,
    maxRedundancy: 3,
    targetAccuracy: 600_000_000,
    rewardPerLabel: UNIT,
    disputeBudget: 5n * UNIT,
    deadline,
    minTier: 'Newcomer',
    minStake: 0,
    assignment: 'Assigned',
    domain: 0,
    goldCommitments: [],
  }), requester);
  const createdEvent = created.find((e) => api.events.tasks.TaskCreated.is(e));
  const task = createdEvent.data.task.toNumber();
  assert.equal(createdEvent.data.budget.toBigInt(), budget);
  assert.equal(createdEvent.data.storageDeposit.toBigInt(), deposit);
  assert.equal(await held(requester) - heldBefore, budget + deposit);

  const rpcTask = await labeling('task', task);
  assert.equal(rpcTask.requester, requester.address);
  assert.equal(rpcTask.manifest, MANIFEST_CID);
  assert.equal(rpcTask.assignment, 'assigned');
  assert.equal(rpcTask.acceptsWork, true);
  assert.equal(rpcTask.escrow.budget, budget.toString());
  assert.deepEqual(rpcTask.progress, { untouched: 1, labeling: 0, revealing: 0, disputed: 0, accepted: 0, appealed: 0, settled: 0 });
  const callTask = (await api.call.labelingApi.task(task)).unwrap();
  assert.equal(callTask.escrow.held.toBigInt(), budget);
  assert.equal(callTask.terms.requester.toString(), requester.address);
  // At the genesis block the task did not exist yet.
  await assert.rejects(labeling('task', task, genesisHash), { code: 8001 });
  assert.ok((await labeling('openTasks')).tasks.some((t) => t.id === task));

  // Without stake an annotator is told why it may not claim.
  await assert.rejects(labeling('claimableItems', bob.address, task), { code: 8003, data: 'insufficientStake' });
  assert.ok(!(await labeling('openTasks', 0, 100, bob.address)).tasks.some((t) => t.id === task));
  const refusal = await api.call.labelingApi.claimableItems(bob.address, task, 0, 10);
  assert.ok(refusal.isErr && refusal.asErr.isInsufficientStake);

  // Three annotators bond, claim (the chain picks the item), commit and reveal.
  const labels = new Map([[bob, 1], [charlie, 1], [dave, 0]]);
  const salts = new Map();
  for (const [annotator, label] of labels) {
    const heldBeforeBond = await held(annotator);
    await submit(api.tx.annotatorStake.bond(20n * UNIT), annotator);
    assert.equal(await held(annotator) - heldBeforeBond, 20n * UNIT);
    assert.equal((await labeling('annotator', annotator.address)).stake.bonded, (20n * UNIT).toString());
    assert.deepEqual((await labeling('claimableItems', annotator.address, task, 0, 10)).items, [0]);

    // The claim is queued; its item is drawn at the start of the next block,
    // from the hash of the block that took it, which no claimer can know.
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    const queued = await submit(api.tx.labelVoting.claim(task), annotator);
    assert.ok(queued.some((e) => api.events.labelVoting.ClaimQueued.is(e)));
    assert.ok(!queued.some((e) => api.events.labelVoting.ItemClaimed.is(e)));
    await api.rpc.engine.createBlock(true, true);
    // The block after the claim's draws it: the one sealed here, or one the
    // node's own sealing tick made first; look at every block since.
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    let claim;
    for (let number = before + 1; number <= best && !claim; number += 1) {
      const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(number));
      claim = events.map(({ event }) => event)
        .find((e) => api.events.labelVoting.ItemClaimed.is(e) && e.data.annotator.eq(annotator.address));
    }
    assert.ok(claim, 'no block after the claim drew its item');
    assert.equal(claim.data.item.toNumber(), 0);
    const { items: [work], next: workNext } = await labeling('annotatorWork', annotator.address, task);
    assert.equal(workNext, null, 'one page holds the whole of a small task');
    assert.deepEqual(work.place, { claimed: { expiresAt: claim.data.expiresAt.toNumber() } });

    const salt = randomAsU8a(32);
    salts.set(annotator, salt);
    const events = await submit(api.tx.labelVoting.commit(task, 0, sealedLabel(task, 0, label, salt, annotator.address)), annotator);
    assert.ok(events.some((e) => api.events.labelVoting.LabelCommitted.is(e)));
  }
  const item = (await api.query.labelVoting.items(task, 0)).unwrap();
  assert.equal(item.phase.type, 'Revealing');
  const rpcItem = await labeling('item', task, 0);
  assert.equal(rpcItem.inProgress.phase.revealing.endsAt, item.phase.asRevealing.endsAt.toNumber());
  assert.equal(rpcItem.inProgress.commits.length, 3);
  assert.equal((await labeling('task', task)).progress.revealing, 1);

  // A wrong salt does not open a commit.
  await assert.rejects(submit(api.tx.labelVoting.reveal(task, 0, 1, randomAsU8a(32)), bob), /labelVoting\.CommitMismatch/);

  let revealEvents = [];
  for (const [annotator, label] of labels) {
    revealEvents = await submit(api.tx.labelVoting.reveal(task, 0, label, salts.get(annotator)), annotator);
  }
  const accepted = revealEvents.find((e) => api.events.labelVoting.ItemAccepted.is(e));
  assert.ok(accepted, 'the last reveal did not tally the item');
  assert.equal(accepted.data.label.toNumber(), 1);
  const callItem = await api.call.labelingApi.item(task, 0);
  assert.ok(callItem.isOk && callItem.asOk.isInProgress);
  assert.equal(callItem.asOk.asInProgress.phase.asAccepted.label.toNumber(), 1);
  // The running tally an expert would weigh: three newcomers of equal
  // weight, so label 1 holds two thirds of it, through RPC and api.call.
  const tally = await labeling('itemTally', task, 0);
  assert.deepEqual(tally.map(({ label, annotators }) => [label, annotators]), [[0, 1], [1, 2]]);
  assert.ok(Math.abs(tally[1].share - 666_666_666) <= 1, JSON.stringify(tally));
  const callTally = await api.call.labelingApi.itemTally(task, 0);
  assert.ok(callTally.isOk);
  assert.equal(callTally.asOk[1].share.toNumber(), tally[1].share);

  // The accepted label may be appealed until the window ends; seal empty
  // blocks up to its last block (the dev node's engine_createBlock). Nobody
  // sends finalize: in the next block the chain settles the item by itself,
  // and says so beforehand.
  const appealEndsAt = accepted.data.appealEndsAt.toNumber();
  await sealBlocksUpTo(appealEndsAt);
  assert.equal((await labeling('item', task, 0)).inProgress.nextStepAt, appealEndsAt + 1);
  assert.equal((await labeling('task', task)).nextStepAt, appealEndsAt + 1);
  const freeBefore = new Map();
  for (const who of [requester, bob, charlie, dave]) freeBefore.set(who, await free(who));
  const lastEvents = await sealBlock();

  const settled = lastEvents.find((e) => api.events.labelVoting.ItemSettled.is(e));
  assert.ok(settled, `no ItemSettled in ${lastEvents.map((e) => `${e.section}.${e.method}`)}`);
  assert.equal(settled.data.label.toNumber(), 1);
  assert.equal(settled.data.decidedBy.type, 'Crowd');
  const votes = settled.data.votes.map(([who, label]) => [who.toString(), label.unwrap().toNumber()]);
  assert.deepEqual(votes, [[bob.address, 1], [charlie.address, 1], [dave.address, 0]]);
  const paid = lastEvents.filter((e) => api.events.tasks.LabelRewardPaid.is(e)).map((e) => e.data.annotator.toString());
  assert.deepEqual(paid.sort(), [bob.address, charlie.address].sort());
  const closed = lastEvents.find((e) => api.events.tasks.TaskClosed.is(e));
  // Two rewards were paid, and their fees to the treasury in one transfer.
  const fees = lastEvents.filter((e) => api.events.tasks.ProtocolFeePaid.is(e)).map((e) => e.data.amount.toBigInt());
  assert.deepEqual(fees, [2n * fee]);
  assert.equal(closed.data.refunded.toBigInt(), budget - 2n * (UNIT + fee));

  // Balances: the agreeing two earned exactly one reward; the dissenter
  // nothing (the charge on a label decided against comes out of stake);
  // the requester got the rest of the escrow back, less its fee, and, once
  // the next block pruned the annotators' models, its storage deposit.
  assert.equal(await free(bob) - freeBefore.get(bob), UNIT);
  assert.equal(await free(charlie) - freeBefore.get(charlie), UNIT);
  assert.equal(await free(dave), freeBefore.get(dave));
  assert.ok(!lastEvents.some((e) => api.events.tasks.TaskPruned.is(e)), 'pruned in the block that closed the task');
  const pruningEvents = await sealBlock();
  const pruned = pruningEvents.find((e) => api.events.tasks.TaskPruned.is(e));
  assert.equal(pruned?.data.depositReturned.toBigInt(), deposit);
  assert.equal(
    await free(requester) - freeBefore.get(requester),
    budget + deposit - 2n * (UNIT + fee) - feePaid(lastEvents, requester),
  );
  assert.equal(await held(requester), heldBefore);

  // Storage: a compact record remains, the per-label data is gone.
  const record = (await api.query.labelVoting.settledItems(task, 0)).unwrap();
  assert.equal(record.label.toNumber(), 1);
  const settledAt = record.settledAt.toNumber();
  // Settled in the block before the pruning one.
  assert.equal(settledAt + 1, (await api.rpc.chain.getHeader()).number.toNumber());
  assert.ok((await api.query.labelVoting.items(task, 0)).isNone, 'per-label storage is pruned');
  assert.equal((await api.query.reputation.reputations(dave.address, 0)).disagreed.toNumber(), 1);
  assert.equal((await api.query.reputation.reputations(bob.address, 0)).agreed.toNumber(), 1);
  assert.equal((await api.query.tasks.tasks(task)).unwrap().terms.status.type, 'Closed');

  // The runtime API, through RPC and through api.call, says the same.
  assert.deepEqual(await labeling('item', task, 0), {
    settled: { record: { label: 1, decidedBy: 'crowd', confidence: record.confidence.toNumber(), settledAt, labelsUsed: 3 } },
  });
  const finalTask = await labeling('task', task);
  assert.equal(finalTask.status, 'closed');
  assert.equal(finalTask.progress.settled, 1);
  assert.equal(finalTask.escrow.paidToAnnotators, (2n * UNIT).toString());
  assert.equal(finalTask.escrow.refunded, (budget - 2n * (UNIT + fee)).toString());
  assert.equal(finalTask.escrow.feesPaid, (2n * fee).toString());
  assert.equal(finalTask.escrow.held, '0');
  assert.ok(!(await labeling('openTasks')).tasks.some((t) => t.id === task), 'a closed task is not open');

  const quality = await labeling('taskQuality', task);
  assert.equal(quality.counts.labelsRevealed, 3);
  assert.equal(quality.counts.labelsAgreeing, 2);
  assert.equal(quality.agreementRate, 666_666_666); // 2 of 3, in parts per billion rounded down
  assert.equal(quality.disputeRate, 0);
  assert.equal(quality.goldAccuracy, null);
  const callQuality = (await api.call.labelingApi.taskQuality(task)).unwrap();
  assert.equal(callQuality.agreementRate.unwrap().toNumber(), 666_666_666);

  const bobSummary = await labeling('annotator', bob.address, 0);
  assert.deepEqual(bobSummary.earnings, { labelRewards: UNIT.toString(), labelsPaid: 1, expertFees: '0', slashed: '0' });
  assert.equal(bobSummary.reputation.agreed, 1);
  assert.equal(bobSummary.stake.locked, '0');
  assert.equal(bobSummary.openClaims, 0);
  const daveSummary = (await api.call.labelingApi.annotator(dave.address, 0));
  assert.equal(daveSummary.reputation.disagreed.toNumber(), 1);
  assert.equal(daveSummary.earnings.labelRewards.toBigInt(), 0n);
  assert.deepEqual(await labeling('annotatorWork', bob.address, task), { items: [], next: null });
  // A page of one from item 1 on: nothing held, and where to go on.
  assert.deepEqual(await labeling('annotatorWork', bob.address, task, 1, 1), { items: [], next: null });
});

test('the label and gold commitments made here are the runtime primitives\' test vectors', () => {
  const v = COMMITMENT_VECTORS;
  const annotator = keyring.encodeAddress(v.annotator);
  assert.equal(u8aToHex(sealedLabel(Number(v.task), Number(v.item), Number(v.label), v.salt, annotator)), v.labelCommitment);
  assert.equal(u8aToHex(goldCommitment(Number(v.item), Number(v.answer), v.salt)), v.goldCommitment);
});

test('labeling_* methods answer bad requests with clear JSON-RPC errors', async () => {
  const alice = keyring.addFromUri('//Alice');
  await assert.rejects(labeling('task', 999_999), { code: 8001, message: /no task has id 999999/ });
  await assert.rejects(labeling('taskQuality', 999_999), { code: 8001 });
  await assert.rejects(labeling('item', 999_999, 0), { code: 8001 });
  await assert.rejects(labeling('annotatorWork', alice.address, 999_999), { code: 8001 });
  // Pages hold 1 to 100 entries.
  await assert.rejects(labeling('openTasks', 0, 0), { code: -32602 });
  await assert.rejects(labeling('openTasks', 0, 101), { code: -32602 });
  await assert.rejects(labeling('annotatorWork', alice.address, 0, 0, 101), { code: -32602 });
  // Malformed arguments: not an address, not a number.
  await assert.rejects(labeling('annotator', 'not-an-address'), { code: -32602 });
  await assert.rejects(labeling('task', 'zero'), { code: -32602 });
  // An unknown block.
  await assert.rejects(labeling('task', 0, `0x${'11'.repeat(32)}`), { code: 8000 });
});

test('an item index beyond the task is refused by the RPC and the runtime API', async () => {
  const requester = keyring.addFromUri('//Alice');
  const task = await createOpenTask(requester, 2, 1);
  assert.equal(await labeling('item', task, 1), 'untouched');
  await assert.rejects(labeling('item', task, 2), { code: 8002 });
  await assert.rejects(labeling('itemTally', task, 2), { code: 8002 });
  assert.deepEqual(await labeling('itemTally', task, 1), []);
  const refused = await api.call.labelingApi.item(task, 2);
  assert.ok(refused.isErr && refused.asErr.isItemOutOfRange);
});

test('two annotators label an Open task in batches and are paid once each', async () => {
  const requester = keyring.addFromUri('//Alice');
  const annotators = await bondedAnnotators(requester, ['//Batch//1', '//Batch//2']);
  const items = [0, 1, 2, 3];
  const task = await createOpenTask(requester, items.length, 2);
  const labelOf = (item) => item % 2;

  // No claims: on an Open task a commit takes the place. One transaction each.
  const salts = new Map(annotators.map((who) => [who, randomAsU8a(32)]));
  let commitEvents = [];
  for (const who of annotators) {
    const commits = items.map((item) => [item, sealedLabel(task, item, labelOf(item), salts.get(who), who.address)]);
    commitEvents = await submit(api.tx.labelVoting.commitBatch(task, commits), who);
    const committed = commitEvents.find((e) => api.events.labelVoting.LabelsCommitted.is(e));
    assert.deepEqual(committed.data.items.map((i) => i.toNumber()), items);
    assert.equal(
      (await api.query.annotatorStake.ledgers(who.address)).unwrap().locked.toBigInt(),
      4n * api.consts.labelVoting.stakePerLabel.toBigInt(),
    );
  }
  assert.equal(commitEvents.filter((e) => api.events.labelVoting.RevealOpened.is(e)).length, items.length);

  // A wrong salt on one reveal fails the whole batch.
  const [first, second] = annotators;
  const badReveals = items.map((item) => [item, labelOf(item), item === 3 ? randomAsU8a(32) : salts.get(first)]);
  await assert.rejects(submit(api.tx.labelVoting.revealBatch(task, badReveals), first), /labelVoting\.CommitMismatch/);
  assert.equal((await api.query.labelVoting.items(task, 0)).unwrap().commits[0].revealed.isNone, true);

  let revealEvents = [];
  for (const who of annotators) {
    revealEvents = await submit(api.tx.labelVoting.revealBatch(task, items.map((item) => [item, labelOf(item), salts.get(who)])), who);
  }
  const accepted = revealEvents.filter((e) => api.events.labelVoting.ItemAccepted.is(e));
  assert.equal(accepted.length, items.length);

  const appealEndsAt = Math.max(...accepted.map((e) => e.data.appealEndsAt.toNumber()));
  // The chain says which items finalize would move on: none in their appeal window.
  assert.deepEqual(await labeling('finalizableItems', task), { items: [], next: null });
  // A task read a page at a time: two items, then where to go on.
  const page = await labeling('items', task, 0, 2);
  assert.equal(page.items.length, 2);
  assert.equal(page.next, 2);
  assert.equal(page.items[0].inProgress.phase.accepted.label, labelOf(0));
  await sealBlocksUpTo(appealEndsAt);
  // Due in the next block: what finalize would move on, and what the chain's
  // agenda will.
  assert.deepEqual(await labeling('finalizableItems', task), { items, next: null });
  const callDue = await api.call.labelingApi.finalizableItems(task, 0, 100);
  assert.ok(callDue.isOk);
  assert.deepEqual(callDue.asOk.items.map((i) => i.toNumber()), items);
  await assert.rejects(labeling('finalizableItems', 999_999), { code: 8001 });
  const before = await Promise.all(annotators.map(free));
  const settledEvents = await sealBlock();
  assert.equal(settledEvents.filter((e) => api.events.labelVoting.ItemSettled.is(e)).length, items.length);
  const paid = new Map();
  for (const e of settledEvents.filter((e) => api.events.tasks.LabelRewardPaid.is(e))) {
    const who = e.data.annotator.toString();
    paid.set(who, (paid.get(who) ?? 0n) + e.data.amount.toBigInt());
  }
  assert.deepEqual([...paid.entries()].sort(), annotators.map((who) => [who.address, 4n * UNIT]).sort());
  assert.ok(settledEvents.some((e) => api.events.tasks.TaskClosed.is(e)));
  assert.equal(await free(first) - before[0], 4n * UNIT);
  assert.equal(await free(second) - before[1], 4n * UNIT);
  // Finalize in a hurry after the chain did it: nothing left to move.
  await assert.rejects(submit(api.tx.labelVoting.finalizeItems(task, items), second), /labelVoting\.NothingToFinalize/);
  assert.equal((await api.query.annotatorStake.ledgers(first.address)).unwrap().locked.toBigInt(), 0n);
  assert.equal((await labeling('annotator', first.address, 0)).earnings.labelsPaid, 4);
});

test('an item the crowd is not sure of asks for one more label, and unused labels come back at close', async () => {
  const requester = keyring.addFromUri('//Alice');
  const annotators = await bondedAnnotators(requester, ['//Rounds//1', '//Rounds//2', '//Rounds//3', '//Rounds//4']);
  // Two labels an item at first, up to four.
  const task = await createOpenTask(requester, 1, 4, { minRedundancy: 2 });
  // The budget holds four labels; the RPC shows both bounds and the target.
  const summary = await labeling('task', task);
  assert.deepEqual([summary.minRedundancy, summary.maxRedundancy, summary.targetAccuracy], [2, 4, 600_000_000]);
  const fee = UNIT / 20n;
  assert.equal((await api.query.tasks.tasks(task)).unwrap().escrow.labelBudget.toBigInt(), 4n * (UNIT + fee));

  const salts = new Map(annotators.map((who) => [who, randomAsU8a(32)]));
  const commit = (who, label) => submit(api.tx.labelVoting.commit(task, 0, sealedLabel(task, 0, label, salts.get(who), who.address)), who);
  const reveal = (who, label) => submit(api.tx.labelVoting.reveal(task, 0, label, salts.get(who)), who);
  const [first, second, third, fourth] = annotators;

  // Round one: two places, split.
  await commit(first, 1);
  await commit(second, 0);
  await assert.rejects(commit(third, 1), /labelVoting\.NotLabeling/);
  await reveal(first, 1);
  const split = await reveal(second, 0);
  const wanted = split.find((e) => api.events.labelVoting.MoreLabelsWanted.is(e));
  assert.ok(wanted, 'the split item asks for more');
  assert.equal(wanted.data.places.toNumber(), 3);
  assert.ok((await labeling('claimableItems', third.address, task)).items.includes(0));

  // Round two: one place; the third label decides.
  await commit(third, 1);
  await assert.rejects(commit(fourth, 1), /labelVoting\.NotLabeling/);
  const decided = await reveal(third, 1);
  const accepted = decided.find((e) => api.events.labelVoting.ItemAccepted.is(e));
  assert.equal(accepted.data.label.toNumber(), 1);

  // Settled after the appeal window: the two who gave 1 are paid, and the
  // budget of the label never asked for comes back with the rest at close.
  const requesterBefore = await free(requester);
  await sealBlocksUpTo(accepted.data.appealEndsAt.toNumber());
  const settledEvents = await sealBlock();
  assert.ok(settledEvents.some((e) => api.events.tasks.TaskClosed.is(e)));
  const record = (await api.query.tasks.tasks(task)).unwrap();
  assert.equal(record.escrow.labelsPaid.toNumber(), 2);
  assert.equal(record.escrow.refunded.toBigInt(), 2n * (UNIT + fee));
  assert.equal(await free(requester) - requesterBefore, 2n * (UNIT + fee));
});

test('the chain says when a gold answer may be revealed: later, now, revealed, settled', async () => {
  const requester = keyring.addFromUri('//Alice');
  const annotators = await bondedAnnotators(requester, ['//Gold//1', '//Gold//2']);
  const goldSalt = randomAsU8a(32);
  const task = await createOpenTask(requester, 2, 4, {
    minRedundancy: 2,
    goldCommitments: [goldCommitment(0, 1, goldSalt)],
  });
  // Asked both ways: plain JSON-RPC and the runtime API through metadata.
  const state = async (item) => {
    const viaRpc = await labeling('goldRevealState', task, item);
    const viaCall = await api.call.labelingApi.goldRevealState(task, item);
    assert.ok(viaCall.isOk);
    assert.equal(viaCall.asOk.type.toLowerCase(), viaRpc);
    return viaRpc;
  };
  assert.equal(await state(0), 'later', 'untouched while the task takes work');

  const salts = new Map(annotators.map((who) => [who, randomAsU8a(32)]));
  for (const who of annotators) {
    await submit(api.tx.labelVoting.commit(task, 0, sealedLabel(task, 0, 1, salts.get(who), who.address)), who);
  }
  assert.equal(await state(0), 'later', 'labels are sealed');
  await assert.rejects(
    submit(api.tx.labelVoting.revealGold(task, 0, 0, 1, goldSalt), requester),
    /labelVoting\.NotTallied/,
  );
  for (const who of annotators) {
    await submit(api.tx.labelVoting.reveal(task, 0, 1, salts.get(who)), who);
  }
  assert.equal(await state(0), 'now', 'tallied');
  const revealed = await submit(api.tx.labelVoting.revealGold(task, 0, 0, 1, goldSalt), requester);
  const goldEvent = revealed.find((e) => api.events.labelVoting.GoldRevealed.is(e));
  assert.equal(await state(0), 'revealed');
  await sealBlocksUpTo(goldEvent.data.appealEndsAt.toNumber());
  await sealBlock();
  assert.equal(await state(0), 'settled');

  await assert.rejects(labeling('goldRevealState', 999_999, 0), { code: 8001 });
  await assert.rejects(labeling('goldRevealState', task, 2), { code: 8002 });
  const refused = await api.call.labelingApi.goldRevealState(task, 2);
  assert.ok(refused.isErr && refused.asErr.isItemOutOfRange);
});

test('Prometheus exports the chain\'s labeling as the runtime API reports it', async () => {
  const requester = keyring.addFromUri('//Alice');
  const annotators = await bondedAnnotators(requester, ['//Metrics//1', '//Metrics//2']);
  // Two annotators disagree on the only item of a task with a dispute
  // budget: it waits for an expert.
  const task = await createOpenTask(requester, 1, 2, { disputeBudget: 5n * UNIT });
  const salts = annotators.map(() => randomAsU8a(32));
  for (const [label, who] of annotators.entries()) {
    await submit(api.tx.labelVoting.commit(task, 0, sealedLabel(task, 0, label, salts[label], who.address)), who);
  }
  let revealEvents = [];
  for (const [label, who] of annotators.entries()) {
    revealEvents = await submit(api.tx.labelVoting.reveal(task, 0, label, salts[label]), who);
  }
  assert.ok(revealEvents.some((e) => api.events.labelVoting.ItemDisputed.is(e)), 'a one-to-one split is disputed');

  const activity = await api.call.labelingApi.chainActivity();
  assert.equal(activity.waitingForExperts.toNumber(), 1);
  assert.equal(activity.items.disputed.toNumber(), 1);
  assert.equal(activity.migrating.isTrue, false);
  // The same through the node's JSON-RPC.
  const rpcActivity = await labeling('chainActivity');
  assert.equal(rpcActivity.waitingForExperts, 1);
  assert.equal(rpcActivity.openTasks, activity.openTasks.toNumber());
  // Every task's items settled, from the runtime API: what the counter of
  // finalized blocks must have added up since the node started at genesis.
  const taskCount = (await api.query.tasks.nextTaskId()).toNumber();
  let settled = 0;
  for (let id = 0; id < taskCount; id += 1) settled += (await labeling('task', id)).progress.settled;
  assert.ok(settled > 0);

  const expected = {
    labelchain_open_tasks: activity.openTasks.toNumber(),
    labelchain_cancelled_tasks: activity.cancelledTasks.toNumber(),
    labelchain_items_waiting_for_experts: 1,
    'labelchain_items_in_progress{phase="disputed"}': activity.items.disputed.toNumber(),
    'labelchain_items_in_progress{phase="labeling"}': activity.items.labeling.toNumber(),
    'labelchain_agenda_backlog_blocks{agenda="items"}': 0,
    'labelchain_agenda_backlog_blocks{agenda="deadlines"}': 0,
    labelchain_migrating: 0,
    labelchain_items_settled_total: settled,
  };
  let metrics;
  await waitFor('the metrics of the best and finalized block', async () => {
    metrics = await prometheusMetrics(chain.node.prometheusPort);
    return Object.entries(expected).every(([name, value]) => metrics.get(name) === value);
  }, { timeoutMs: 20_000 }).catch((error) => {
    const seen = Object.fromEntries(Object.keys(expected).map((name) => [name, metrics?.get(name)]));
    throw new Error(`${error.message}: expected ${JSON.stringify(expected)}, scraped ${JSON.stringify(seen)}`);
  });
  const labelsSettled = metrics.get('labelchain_labels_settled_total');
  assert.ok(labelsSettled >= settled, 'each settled item counts its votes');
  assert.ok(metrics.get('labelchain_labels_revealed_total') >= labelsSettled + 2, 'the disputed item\'s reveals too');
});
