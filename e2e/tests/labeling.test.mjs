// Three annotators label an item from Polkadot.js: claim, commit a salted hash,
// reveal; the chain tallies, and after the appeal window settles it, pays the
// agreeing two from escrow and records reputation. Everything decodes from
// metadata.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';

import { MANIFEST_CID, UNIT, startDevChain, submit as submitTo } from '../lib/dev-chain.mjs';

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

/** What the annotator commits: blake2_256(SCALE((label, salt, account))). */
function sealedLabel(label, salt, address) {
  return blake2AsU8a(api.createType('(u16, [u8; 32], AccountId32)', [label, salt, address]).toU8a());
}

test('three annotators label an item; the agreeing two are paid from escrow', async () => {
  const requester = keyring.addFromUri('//Alice');
  const [bob, charlie, dave] = ['//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
  const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 1_000;

  const created = await submit(api.tx.tasks.createTask({
    manifest: MANIFEST_CID,
    itemCount: 1,
    classCount: 2,
    redundancy: 3,
    agreementThreshold: 600_000_000,
    rewardPerLabel: UNIT,
    disputeBudget: 5n * UNIT,
    deadline,
    minTier: 'Newcomer',
    minStake: 0,
    assignment: 'Open',
    domain: 0,
    goldCommitments: [],
  }), requester);
  const task = created.find((e) => api.events.tasks.TaskCreated.is(e)).data.task.toNumber();

  const labels = new Map([[bob, 1], [charlie, 1], [dave, 0]]);
  const salts = new Map();
  for (const [annotator, label] of labels) {
    await submit(api.tx.annotatorStake.bond(20n * UNIT), annotator);
    await submit(api.tx.labelVoting.claimItem(task, 0), annotator);
    const salt = randomAsU8a(32);
    salts.set(annotator, salt);
    const events = await submit(api.tx.labelVoting.commit(task, 0, sealedLabel(label, salt, annotator.address)), annotator);
    assert.ok(events.some((e) => api.events.labelVoting.LabelCommitted.is(e)));
  }
  const item = (await api.query.labelVoting.items(task, 0)).unwrap();
  assert.equal(item.phase.type, 'Revealing');

  // A wrong salt does not open a commit.
  await assert.rejects(submit(api.tx.labelVoting.reveal(task, 0, 1, randomAsU8a(32)), bob), /labelVoting\.CommitMismatch/);

  let revealEvents = [];
  for (const [annotator, label] of labels) {
    revealEvents = await submit(api.tx.labelVoting.reveal(task, 0, label, salts.get(annotator)), annotator);
  }
  const accepted = revealEvents.find((e) => api.events.labelVoting.ItemAccepted.is(e));
  assert.ok(accepted, 'the last reveal did not tally the item');
  assert.equal(accepted.data.label.toNumber(), 1);

  // The accepted label may be appealed until the window ends; seal empty
  // blocks past it (the dev node's engine_createBlock), then settle.
  const appealEndsAt = accepted.data.appealEndsAt.toNumber();
  while ((await api.rpc.chain.getHeader()).number.toNumber() <= appealEndsAt) {
    await chain.node.call('engine_createBlock', [true, true, null]);
  }
  const lastEvents = await submit(api.tx.labelVoting.finalizeItem(task, 0), requester);
  const settled = lastEvents.find((e) => api.events.labelVoting.ItemSettled.is(e));
  assert.ok(settled, `no ItemSettled in ${lastEvents.map((e) => `${e.section}.${e.method}`)}`);
  assert.equal(settled.data.label.toNumber(), 1);
  assert.equal(settled.data.decidedBy.type, 'Crowd');
  const paid = lastEvents.filter((e) => api.events.tasks.LabelRewardPaid.is(e)).map((e) => e.data.annotator.toString());
  assert.deepEqual(paid.sort(), [bob.address, charlie.address].sort());

  const record = (await api.query.labelVoting.settledItems(task, 0)).unwrap();
  assert.equal(record.label.toNumber(), 1);
  assert.ok((await api.query.labelVoting.items(task, 0)).isNone, 'per-label storage is pruned');
  assert.equal((await api.query.reputation.reputations(dave.address, 0)).disagreed.toNumber(), 1);
  assert.equal((await api.query.reputation.reputations(bob.address, 0)).agreed.toNumber(), 1);
  // The task's only item settled, so it closed and refunded the rest.
  assert.equal((await api.query.tasks.tasks(task)).unwrap().status.type, 'Closed');
});
