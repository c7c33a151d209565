// A runtime upgrade on the running four-validator network, enacted by the
// council. The network starts from the local chain spec as spec 127 made it
// (e2e/fixtures/local-spec127.json.gz: the chain-specs/local.json of the
// last release, genesis code included), with a task in flight: one item
// disputed, one with both labels committed. The council authorizes the
// upgrade to this tree's runtime (enactment.enact(system.authorizeUpgrade)),
// anyone brings the code (system.applyAuthorizedUpgrade), and the next block
// runs the new runtime's multi-block migrations: the chain-wide counters of
// tasks and items are counted from storage while the chain takes no
// transactions. After it, the counters say what the chain holds, the
// in-flight task settles (its second item revealed, both decided by an
// expert) and closes, the node's Prometheus metrics (which need the new
// runtime API) follow, and every validator keeps finalizing.
//
// Prints the finality lag (best − finalized, in blocks) through the upgrade
// and the blocks the migrations took.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, test } from 'node:test';

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';

import { councilDecides } from '../lib/council.mjs';
import { UNIT, submit } from '../lib/dev-chain.mjs';
import { writeStateFile } from '../lib/state-file.mjs';
import { createOpenTask, sealedLabel } from '../lib/labeling.mjs';
import { LocalNetwork } from '../lib/local-network.mjs';
import { REPO_ROOT, nodeBinary, prometheusMetrics, removeDir, sleep, tempDir, waitFor } from '../lib/node-process.mjs';

const FROM_SPEC = 127;
const FIXTURE = path.join(REPO_ROOT, 'e2e', 'fixtures', `local-spec${FROM_SPEC}.json.gz`);
/**
 * The runtime this tree builds, next to the node binary the tests run (a
 * debug build makes only the plain wasm; a release build compacts it too).
 */
function newRuntime() {
  if (process.env.LABELCHAIN_UPGRADE_WASM) return process.env.LABELCHAIN_UPGRADE_WASM;
  const dir = path.join(path.dirname(nodeBinary()), 'wbuild', 'labelchain-runtime');
  const compact = path.join(dir, 'labelchain_runtime.compact.compressed.wasm');
  return existsSync(compact) ? compact : path.join(dir, 'labelchain_runtime.wasm');
}
// Blocks are 6 s; a motion takes four transactions.
const STEP_TIMEOUT_MS = 120_000;

const specDir = tempDir('upgrade-spec');
const chainSpec = path.join(specDir, `local-spec${FROM_SPEC}.json`);
writeFileSync(chainSpec, gunzipSync(readFileSync(FIXTURE)));
const network = new LocalNetwork('runtime-upgrade', chainSpec);
const apis = [];

after(async () => {
  await Promise.all(apis.map((api) => api.disconnect()));
  await network.stop();
  removeDir(specDir);
});

async function connect(node) {
  const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  apis.push(api);
  return api;
}

/** Polls best and finalized each second and remembers the largest gap. */
function watchFinalityLag(node) {
  const watch = { largestLag: 0, stopped: false };
  (async () => {
    while (!watch.stopped) {
      const [best, finalized] = await Promise.all([node.bestNumber(), node.finalizedNumber()]).catch(() => [0, 0]);
      watch.largestLag = Math.max(watch.largestLag, best - finalized);
      await sleep(1000);
    }
  })();
  return watch;
}

/**
 * Between blocks `from` and `to`: the first block the new runtime ran
 * (its spec version above FROM_SPEC), and the block whose events say
 * `pallet-migrations` completed the upgrade.
 */
async function upgradeBlocks(api, node, from, to) {
  let firstNew = null;
  let completedIn = null;
  for (let number = from; number <= to; number += 1) {
    const hash = await node.call('chain_getBlockHash', [number]);
    if (firstNew === null && (await node.call('state_getRuntimeVersion', [hash])).specVersion > FROM_SPEC) {
      firstNew = number;
    }
    if (firstNew !== null) {
      const events = await (await api.at(hash)).query.system.events();
      if (events.some(({ event }) => api.events.multiBlockMigrations.UpgradeCompleted.is(event))) {
        completedIn = number;
        break;
      }
    }
  }
  return { firstNew, completedIn };
}

test(`the council upgrades the running network from spec ${FROM_SPEC}; migrations count what is in flight`, async () => {
  const validators = await network.startValidators(['alice', 'bob', 'charlie', 'dave']);
  const [alice] = validators;
  let lag = null;
  try {
    let api = await connect(alice);
    assert.equal(api.runtimeVersion.specVersion.toNumber(), FROM_SPEC);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const [aliceKey, bobKey, eveKey] = ['//Alice', '//Bob', '//Eve'].map((uri) => keyring.addFromUri(uri));
    const annotators = ['//Upgrade//1', '//Upgrade//2'].map((uri) => keyring.addFromUri(uri));
    await waitFor('the four validators to peer', async () =>
      (await Promise.all(validators.map((node) => node.call('system_health')))).every((h) => h.peers >= 3),
    { timeoutMs: STEP_TIMEOUT_MS });

    // Work in flight under the old runtime: a task of two items, the
    // annotators disagreeing on both; item 0 revealed (disputed), item 1
    // only committed.
    await submit(api, api.tx.utility.batchAll(
      annotators.map((who) => api.tx.balances.transferKeepAlive(who.address, 100n * UNIT))), aliceKey);
    await Promise.all(annotators.map((who) => submit(api, api.tx.annotatorStake.bond(20n * UNIT), who)));
    const task = await createOpenTask(api, aliceKey, 2, 2, { disputeBudget: 5n * UNIT });
    const salts = annotators.map(() => randomAsU8a(32));
    // Annotator n labels every item n.
    await Promise.all(annotators.map((who, n) => submit(api, api.tx.labelVoting.commitBatch(task,
      [0, 1].map((item) => [item, sealedLabel(api, task, item, n, salts[n], who.address)])), who)));
    await Promise.all(annotators.map((who, n) => submit(api, api.tx.labelVoting.reveal(task, 0, n, salts[n]), who)));
    const before = (await api.call.labelingApi.task(task)).unwrap().progress;
    assert.deepEqual([before.disputed.toNumber(), before.revealing.toNumber()], [1, 1]);
    // The old runtime has no chain_activity: the node's metrics wait for it.
    const metricsBefore = await prometheusMetrics(alice.prometheusPort);
    assert.equal(metricsBefore.get('labelchain_items_waiting_for_experts'), 0);

    // try-runtime: the new runtime's upgrade checks (every migration's
    // pre_upgrade and post_upgrade, every pallet's try_state) in process
    // against this chain's state, work in flight included.
    await tryRuntimeChecks(await alice.call('chain_getBlockHash', []), alice);

    // The council authorizes the new code by its hash; anyone brings the code.
    // As hex: Polkadot.js reads a Uint8Array given for `Bytes` as already
    // length-prefixed.
    const code = u8aToHex(readFileSync(newRuntime()));
    lag = watchFinalityLag(alice);
    await councilDecides(api, api.tx.enactment.enact(api.tx.system.authorizeUpgrade(blake2AsHex(code, 256))),
      aliceKey, [aliceKey, bobKey]);
    const searchFrom = await alice.bestNumber();
    // Its block's events are not checked here: Polkadot.js may decode them
    // with the new runtime's types once the version changes (a race in its
    // subscription), so the new runtime's version is what the test waits for.
    await submit(api, api.tx.system.applyAuthorizedUpgrade(code), bobKey);

    // The next block runs the new runtime and starts the migrations.
    await waitFor('the new runtime (the code applied)', async () =>
      (await alice.call('state_getRuntimeVersion')).specVersion > FROM_SPEC, { timeoutMs: STEP_TIMEOUT_MS });
    await api.disconnect();
    api = await connect(alice);
    let activity;
    await waitFor('the migrations to finish', async () => {
      activity = await api.call.labelingApi.chainActivity();
      return !activity.migrating.isTrue;
    }, { timeoutMs: STEP_TIMEOUT_MS });
    const migratedBy = await alice.bestNumber();
    const { firstNew, completedIn } = await upgradeBlocks(api, alice, searchFrom, migratedBy);
    assert.ok(completedIn !== null, 'pallet-migrations reported the upgrade completed');

    // The counters the migrations wrote say what the chain held.
    assert.equal(activity.openTasks.toNumber(), 1);
    assert.equal(activity.items.disputed.toNumber(), 1);
    assert.equal(activity.items.revealing.toNumber(), 1);
    assert.equal(activity.waitingForExperts.toNumber(), 1);
    const migrated = (await api.call.labelingApi.task(task)).unwrap();
    assert.deepEqual(migrated.progress.toJSON(), before.toJSON(), 'the task reads as it did');
    await waitFor('the node\'s metrics from the new runtime API', async () =>
      (await prometheusMetrics(alice.prometheusPort)).get('labelchain_items_waiting_for_experts') === 1,
    { timeoutMs: 30_000 });

    // The in-flight task settles under the new runtime: item 1 revealed
    // (disputed too), an expert decides both, and the task closes.
    await Promise.all(annotators.map((who, n) => submit(api, api.tx.labelVoting.reveal(task, 1, n, salts[n]), who)));
    assert.equal((await api.call.labelingApi.chainActivity()).waitingForExperts.toNumber(), 2);
    await submit(api, api.tx.labelVoting.resolveDispute(task, 0, 0), eveKey);
    const last = await submit(api, api.tx.labelVoting.resolveDispute(task, 1, 1), eveKey);
    assert.ok(last.some((e) => api.events.tasks.TaskClosed.is(e)), 'the task closed');
    const after = await api.call.labelingApi.chainActivity();
    assert.deepEqual([after.openTasks.toNumber(), after.waitingForExperts.toNumber()], [0, 0]);
    assert.equal((await api.call.labelingApi.task(task)).unwrap().progress.settled.toNumber(), 2);

    // The same checks on the upgraded chain: upgrading a chain already at
    // this release migrates nothing, and every migration's checks still pass.
    await tryRuntimeChecks(await alice.call('chain_getBlockHash', []), alice);

    // Every validator finalizes past the upgrade and the migrations.
    await waitFor('all four to finalize past the migrations', async () =>
      (await Promise.all(validators.map((node) => node.finalizedNumber()))).every((n) => n > migratedBy + 2),
    { timeoutMs: STEP_TIMEOUT_MS });
    lag.stopped = true;

    console.log(`first block of the new runtime #${firstNew}; migrations completed in #${completedIn} (${completedIn - firstNew + 1} block(s))`);
    console.log(`largest finality lag (best − finalized) through the upgrade: ${lag.largestLag} blocks`);
    // GRANDPA finalizes a block or two behind the best; an upgrade must not stall it.
    assert.ok(lag.largestLag <= 10, `finality fell ${lag.largestLag} blocks behind`);
  } catch (error) {
    console.error(network.logTails());
    throw error;
  } finally {
    if (lag) lag.stopped = true;
  }
});

/**
 * try-runtime/'s checker, built apart (`cargo build --manifest-path
 * try-runtime/Cargo.toml`), run on the state of `node` at `blockHash`,
 * written to a file first; skipped (said so) when LABELCHAIN_TRY_RUNTIME
 * does not name the binary.
 */
async function tryRuntimeChecks(blockHash, node) {
  if (!process.env.LABELCHAIN_TRY_RUNTIME) {
    console.log('try-runtime checks not run: LABELCHAIN_TRY_RUNTIME is not set');
    return;
  }
  const stateDir = tempDir('upgrade-state');
  try {
    const stateFile = path.join(stateDir, 'state.json');
    const pairs = await writeStateFile(node, blockHash, stateFile);
    console.log(`state of block ${blockHash} written: ${pairs} pairs`);
    const report = execFileSync(process.env.LABELCHAIN_TRY_RUNTIME, [stateFile],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    console.log(report.trim());
    assert.match(report, /try_state of every pallet: passed/);
  } finally {
    removeDir(stateDir);
  }
}
