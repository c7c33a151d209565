// Four validators on loopback run chain-specs/local.json with real Aura and
// GRANDPA: all finalize; with one crashed the other three keep finalizing; the
// crashed one restarts on its old database and catches up.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';

import { auraSlot } from '../lib/aura.mjs';
import { NodeProcess, REPO_ROOT, nodeBinary, removeDir, tempDir, waitFor } from '../lib/node-process.mjs';

const CHAIN_SPEC = path.join(REPO_ROOT, 'chain-specs', 'local.json');
// Aura slots are 6 s: allow a generous number of them per phase.
const PHASE_TIMEOUT_MS = 150_000;

const root = tempDir('local');
const nodes = [];

after(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  removeDir(root);
});

async function startValidator(name, bootnodes) {
  const node = await NodeProcess.start({
    name,
    basePath: path.join(root, name),
    nodeKeyFor: CHAIN_SPEC,
    args: ['--chain', CHAIN_SPEC, `--${name}`, ...(bootnodes ? ['--bootnodes', bootnodes] : [])],
  });
  nodes.push(node);
  return node;
}

async function allFinalizedAtLeast(group, height) {
  const finalized = await Promise.all(group.map((node) => node.finalizedNumber()));
  return finalized.every((number) => number >= height);
}

test('chain-specs/local.json matches the local_testnet preset', () => {
  const committed = JSON.parse(readFileSync(CHAIN_SPEC, 'utf8'));
  const fresh = JSON.parse(execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'local', '--raw'],
    { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  // The wasm code (key ":code") differs between builds in different
  // directories; every other genesis entry must match, so the spec is not stale.
  const withoutCode = (spec) => Object.fromEntries(
    Object.entries(spec.genesis.raw.top).filter(([key]) => key !== '0x3a636f6465'));
  assert.deepEqual(withoutCode(committed), withoutCode(fresh),
    'chain-specs/local.json is stale: run scripts/generate-chain-specs.sh');
  assert.deepEqual(committed.properties, fresh.properties);
  assert.equal(committed.id, fresh.id);
});

test('four validators finalize, survive a crash, and the crashed one catches up', async () => {
  const alice = await startValidator('alice');
  const peerId = await alice.call('system_localPeerId');
  const bootnode = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${peerId}`;
  const [bob, charlie, dave] = await Promise.all(
    ['bob', 'charlie', 'dave'].map((name) => startValidator(name, bootnode)),
  );
  const all = [alice, bob, charlie, dave];

  try {
    // All four peer and finalize.
    await waitFor('each validator to see the other three', async () =>
      (await Promise.all(all.map((node) => node.call('system_health'))))
        .every((health) => health.peers >= 3), { timeoutMs: PHASE_TIMEOUT_MS });
    await waitFor('all four to finalize block #3', () => allFinalizedAtLeast(all, 3),
      { timeoutMs: PHASE_TIMEOUT_MS });

    // Several validators authored: Aura gives slot s to authority s mod 4.
    const best = await alice.bestNumber();
    const authors = new Set();
    for (let number = 1; number <= best; number += 1) {
      const hash = await alice.call('chain_getBlockHash', [number]);
      const header = await alice.call('chain_getHeader', [hash]);
      authors.add(auraSlot(header) % 4n);
    }
    assert.ok(authors.size >= 2, 'only one validator authored blocks');

    // Dave crashes; three of four validators are still a GRANDPA supermajority.
    const daveFinalized = await dave.finalizedNumber();
    const daveFinalizedHash = await dave.call('chain_getBlockHash', [daveFinalized]);
    await dave.kill();
    const survivors = [alice, bob, charlie];
    const afterCrash = Math.max(...await Promise.all(survivors.map((node) => node.finalizedNumber())));
    await waitFor('the other three to finalize three more blocks', () =>
      allFinalizedAtLeast(survivors, afterCrash + 3), { timeoutMs: PHASE_TIMEOUT_MS });

    // Dave restarts on his old base path: his database still holds what he had
    // finalized, so he resumes from there instead of from genesis.
    await dave.restart();
    assert.equal(await dave.call('chain_getBlockHash', [daveFinalized]), daveFinalizedHash);
    assert.ok(await dave.finalizedNumber() >= daveFinalized, 'Dave lost finalized blocks');

    // And catches up with the others, on the same chain.
    const target = Math.max(...await Promise.all(survivors.map((node) => node.finalizedNumber()))) + 1;
    await waitFor(`Dave to finalize #${target}`, async () => (await dave.finalizedNumber()) >= target,
      { timeoutMs: PHASE_TIMEOUT_MS });
    assert.equal(
      await dave.call('chain_getBlockHash', [target]),
      await alice.call('chain_getBlockHash', [target]),
    );
    await waitFor('all four to finalize past Dave\'s return', () => allFinalizedAtLeast(all, target + 2),
      { timeoutMs: PHASE_TIMEOUT_MS });
  } catch (error) {
    for (const node of all) console.error(`--- ${node.name} log tail ---\n${node.logTail()}`);
    throw error;
  }
});
