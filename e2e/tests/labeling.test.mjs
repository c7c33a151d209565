// Three annotators label an item from Polkadot.js: claim, commit a salted hash,
// reveal; the chain tallies, pays the agreeing two from escrow and records
// reputation. Everything decodes from metadata.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { blake2AsU8a, randomAsU8a } from '@polkadot/util-crypto';

import { NodeProcess, removeDir, tempDir, withTimeout } from '../lib/node-process.mjs';

const UNIT = 10n ** 12n;
// CIDv1 of the bytes "hello world": raw codec (0x55), sha2-256 multihash.
const MANIFEST_CID = '0x01551220b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

let node;
let api;
let basePath;
let keyring;

before(async () => {
  basePath = tempDir('voting');
  node = await NodeProcess.start({ name: 'dev', basePath, args: ['--dev', '--sealing', 'instant'] });
  api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  if (basePath) removeDir(basePath);
});

function submit(tx, signer) {
  return withTimeout(30_000, 'the transaction to land', new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (!status.isInBlock && !status.isFinalized) return;
      if (dispatchError) {
        const { section, name } = dispatchError.isModule
          ? api.registry.findMetaError(dispatchError.asModule)
          : { section: 'dispatch', name: dispatchError.toString() };
        reject(new Error(`${section}.${name}`));
      } else {
        resolve(events.map(({ event }) => event));
      }
    }).catch(reject);
  }));
}

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

  let lastEvents = [];
  for (const [annotator, label] of labels) {
    lastEvents = await submit(api.tx.labelVoting.reveal(task, 0, label, salts.get(annotator)), annotator);
  }
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
