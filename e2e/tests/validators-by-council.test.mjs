// The validator set is the council's: on the four-validator local testnet
// (chain-specs/local.json, sessions of 10 blocks), Eve runs a fifth node with
// fresh keys (author_rotateKeysWithOwner, session.setKeys) and the council
// (Alice, Bob, Charlie; two of three carry a motion) adds her. She authors
// from the second session after, and votes in GRANDPA: with Dave's node
// stopped, four of five finalize only with her votes. The council then
// removes Dave, and Bob rotates his keys, while finality keeps going.
//
// Prints two figures: the time from the council's motion to Eve's first
// block, and the longest finality stall seen from then on.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';

import { auraSlot } from '../lib/aura.mjs';
import { NodeProcess, REPO_ROOT, removeDir, sleep, tempDir, waitFor } from '../lib/node-process.mjs';
import { councilDecides } from '../lib/council.mjs';
import { submit } from '../lib/dev-chain.mjs';

const CHAIN_SPEC = path.join(REPO_ROOT, 'chain-specs', 'local.json');
// Sessions are 10 blocks of 6 s; a change lands within two sessions.
const TWO_SESSIONS_AND_SOME_MS = 200_000;

const root = tempDir('validators-by-council');
const nodes = [];
let api;

after(async () => {
  if (api) await api.disconnect();
  await Promise.all(nodes.map((node) => node.stop()));
  removeDir(root);
});

async function startNode(name, args) {
  const node = await NodeProcess.start({
    name,
    basePath: path.join(root, name),
    nodeKeyFor: CHAIN_SPEC,
    args: ['--chain', CHAIN_SPEC, ...args],
  });
  nodes.push(node);
  return node;
}

/** The Aura key that authored `header`: slot modulo the authorities at its parent. */
async function authorOf(header) {
  const atParent = await api.at(header.parentHash);
  const authorities = (await atParent.query.aura.authorities()).map((key) => key.toHex());
  const logs = header.digest.logs.map((log) => log.toHex());
  const slot = auraSlot({ number: header.number.toNumber(), digest: { logs } });
  return authorities[Number(slot % BigInt(authorities.length))];
}

/** A validator's node makes fresh keys; the validator registers them. */
async function rotateKeys(node, account) {
  const owner = api.createType('AccountId', account.address).toHex();
  const { keys, proof } = await node.call('author_rotateKeysWithOwner', [owner]);
  // `keys` is the runtime's SessionKeys encoded: Aura's key, then GRANDPA's.
  const setKeys = api.tx.session.setKeys(keys, proof);
  await submit(api, setKeys, account);
  const [registered] = setKeys.args;
  return { aura: registered.aura.toHex(), grandpa: registered.grandpa.toHex() };
}

/** Polls the finalized height each second and remembers the longest wait for it to move. */
function watchFinality(node) {
  const watch = { longestStallMs: 0, stopped: false };
  (async () => {
    let last = await node.finalizedNumber();
    let since = Date.now();
    while (!watch.stopped) {
      await sleep(1000);
      const now = await node.finalizedNumber().catch(() => last);
      if (now > last) {
        last = now;
        since = Date.now();
      }
      watch.longestStallMs = Math.max(watch.longestStallMs, Date.now() - since);
    }
  })();
  return watch;
}

test('the council adds a validator, removes one, and a validator rotates its keys', async () => {
  const alice = await startNode('alice', ['--alice']);
  const bootnode = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${await alice.call('system_localPeerId')}`;
  const [bob, charlie, dave] = await Promise.all(
    ['bob', 'charlie', 'dave'].map((name) => startNode(name, [`--${name}`, '--bootnodes', bootnode])),
  );
  // Eve's node is a validator with no keys yet: not `--eve`, which would
  // load the well-known dev keys.
  const eveNode = await startNode('eve', ['--validator', '--name', 'eve', '--bootnodes', bootnode]);
  const all = [alice, bob, charlie, dave, eveNode];
  let watch = null;

  try {
    api = await ApiPromise.create({ provider: new WsProvider(alice.wsUrl), noInitWarn: true, throwOnConnect: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const [aliceKey, bobKey, eveKey] = ['//Alice', '//Bob', '//Eve'].map((uri) => keyring.addFromUri(uri));
    await waitFor('all five nodes to peer', async () =>
      (await Promise.all(all.map((node) => node.call('system_health')))).every((h) => h.peers >= 4),
    { timeoutMs: 120_000 });

    // Eve makes keys on her own node and registers them; the council adds her.
    const eveKeys = await rotateKeys(eveNode, eveKey);
    const motionAt = Date.now();
    await councilDecides(api, api.tx.validatorSet.addValidator(eveKey.address), aliceKey, [aliceKey, bobKey]);

    // Her first block.
    let eveFirstBlock = null;
    const unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
      if (!eveFirstBlock && (await authorOf(header)) === eveKeys.aura) {
        eveFirstBlock = { number: header.number.toNumber(), at: Date.now() };
      }
    });
    await waitFor('Eve to author a block', () => eveFirstBlock !== null,
      { timeoutMs: TWO_SESSIONS_AND_SOME_MS + 60_000 });
    unsubscribe();
    const motionToFirstBlockS = (eveFirstBlock.at - motionAt) / 1000;
    const grandpaSet = (await api.query.grandpa.authorities()).map(([key]) => key.toHex());
    assert.ok(grandpaSet.includes(eveKeys.grandpa), 'Eve is in the GRANDPA set');
    assert.equal(grandpaSet.length, 5);

    // With Dave stopped, finality needs four of five: Eve must be voting.
    watch = watchFinality(alice);
    await dave.stop();
    const survivors = [alice, bob, charlie, eveNode];
    const before = await alice.finalizedNumber();
    await waitFor('four of five (Eve among them) to finalize three more blocks', async () =>
      (await Promise.all(survivors.map((node) => node.finalizedNumber()))).every((n) => n >= before + 3),
    { timeoutMs: 120_000 });

    // The council removes Dave; Bob rotates his keys meanwhile.
    const bobOldAura = (await api.query.session.nextKeys(bobKey.address)).unwrap().aura.toHex();
    await councilDecides(api, api.tx.validatorSet.removeValidator(keyring.addFromUri('//Dave').address),
      aliceKey, [aliceKey, bobKey]);
    const bobKeys = await rotateKeys(bob, bobKey);
    await waitFor('Dave out and Bob\'s new keys in', async () => {
      const aura = (await api.query.aura.authorities()).map((key) => key.toHex());
      return aura.length === 4 && aura.includes(bobKeys.aura) && !aura.includes(bobOldAura);
    }, { timeoutMs: TWO_SESSIONS_AND_SOME_MS });
    const grandpaAfter = (await api.query.grandpa.authorities()).map(([key]) => key.toHex());
    assert.ok(grandpaAfter.includes(bobKeys.grandpa), 'Bob votes with his new key');

    // Finality goes on under the new set, Bob signing with his new keys.
    const settled = await alice.finalizedNumber();
    await waitFor('the four to finalize past the change', async () =>
      (await Promise.all(survivors.map((node) => node.finalizedNumber()))).every((n) => n >= settled + 3),
    { timeoutMs: 120_000 });
    watch.stopped = true;

    console.log(`motion to Eve's first block: ${motionToFirstBlockS.toFixed(0)} s (block #${eveFirstBlock.number})`);
    console.log(`longest finality stall from Dave's stop through the removal and the rotation: ${(watch.longestStallMs / 1000).toFixed(0)} s`);
    // Two sessions of 10 six-second blocks, plus the motion's own blocks.
    assert.ok(motionToFirstBlockS < 200, 'Eve authored within two sessions and a little');
    // One missing validator costs at most a slot or two, never a stall of a minute.
    assert.ok(watch.longestStallMs < 60_000, 'finality kept going');
  } catch (error) {
    for (const node of all) console.error(`--- ${node.name} log tail ---\n${node.logTail()}`);
    throw error;
  } finally {
    // A failure must not leave the watch polling stopped nodes forever.
    if (watch) watch.stopped = true;
  }
});
