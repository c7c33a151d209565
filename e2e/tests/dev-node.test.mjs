// Dev node smoke test: a wallet (Polkadot.js, no custom types) connects to a
// fresh dev chain, sees blocks, sends a signed transfer and sees it land.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';

import { NodeProcess, prometheusMetrics, removeDir, tempDir, waitFor, withTimeout } from '../lib/node-process.mjs';

const UNIT = 10n ** 12n;

let node;
let api;
let basePath;

before(async () => {
  basePath = tempDir('dev');
  // A block every 500 ms: fast, and blocks come without transactions too.
  node = await NodeProcess.start({ name: 'dev', basePath, args: ['--dev', '--sealing', '500'] });
  api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  if (basePath) removeDir(basePath);
});

test('wallet metadata: chain name, token and address format', async () => {
  assert.equal((await api.rpc.system.chain()).toString(), 'LabelChain Development');
  assert.equal(api.registry.chainSS58, 42);
  assert.deepEqual(api.registry.chainDecimals, [12]);
  assert.deepEqual(api.registry.chainTokens, ['LBL']);
  assert.equal(api.runtimeVersion.specName.toString(), 'labelchain');
  const pallets = api.runtimeMetadata.asLatest.pallets.map((pallet) => pallet.name.toString());
  for (const pallet of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Sudo', 'Utility']) {
    assert.ok(pallets.includes(pallet), `metadata lacks pallet ${pallet}: ${pallets}`);
  }
  assert.ok(api.tx.utility.batchAll, 'utility.batchAll is not callable');
});

test('the dev chain authors and finalizes blocks', async () => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitFor('three new blocks', async () =>
    (await api.rpc.chain.getHeader()).number.toNumber() >= start + 3, { timeoutMs: 30_000 });
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  assert.ok(finalized >= start + 2, `finalized #${finalized} lags best (started at #${start})`);
});

test('Prometheus serves the block height', async () => {
  // The node refreshes this metric every few seconds.
  await waitFor('a best block height above 0 in the metrics', async () => {
    const metrics = await prometheusMetrics(node.prometheusPort);
    const height = [...metrics].find(([name]) => name.startsWith('substrate_block_height{status="best"'));
    assert.ok(height, 'no substrate_block_height metric');
    return height[1] > 0;
  }, { timeoutMs: 30_000 });
});

test('a signed transfer lands in a block and moves exactly amount plus fee', async () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const recipient = keyring.addFromUri(`//SmokeTest/${Date.now()}`);
  const amount = 10n * UNIT;

  const aliceBefore = (await api.query.system.account(alice.address)).data.free.toBigInt();
  const recipientBefore = (await api.query.system.account(recipient.address)).data.free.toBigInt();
  assert.equal(recipientBefore, 0n);

  const transfer = api.tx.balances.transferKeepAlive(recipient.address, amount);
  const { blockHash, events, txHash } = await withTimeout(30_000, 'the transfer to land in a block', new Promise((resolve, reject) => {
    transfer.signAndSend(alice, ({ status, events, dispatchError, txHash }) => {
      if (dispatchError) reject(new Error(`transfer failed: ${dispatchError.toString()}`));
      // Dev sealing finalizes each block as it imports it, so the pool may
      // report `Finalized` without an `InBlock` first.
      if (status.isInBlock) resolve({ blockHash: status.asInBlock, events, txHash });
      if (status.isFinalized) resolve({ blockHash: status.asFinalized, events, txHash });
      if (status.isDropped || status.isInvalid || status.isUsurped) reject(new Error(`transfer ${status.type}`));
    }).catch(reject);
  }));

  const block = await api.rpc.chain.getBlock(blockHash);
  assert.ok(block.block.extrinsics.some((xt) => xt.hash.eq(txHash)), 'the transfer is not in its block');

  const names = events.map(({ event }) => `${event.section}.${event.method}`);
  assert.ok(names.includes('system.ExtrinsicSuccess'), `events: ${names}`);
  const transferred = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transferred, `no balances.Transfer in ${names}`);
  assert.equal(transferred.event.data.from.toString(), alice.address);
  assert.equal(transferred.event.data.to.toString(), recipient.address);
  assert.equal(transferred.event.data.amount.toBigInt(), amount);
  const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(feePaid, 'no TransactionFeePaid event');
  const fee = feePaid.event.data.actualFee.toBigInt();
  assert.ok(fee > 0n);

  const at = await api.at(blockHash);
  const aliceAfter = (await at.query.system.account(alice.address)).data.free.toBigInt();
  const recipientAfter = (await at.query.system.account(recipient.address)).data.free.toBigInt();
  assert.equal(recipientAfter, amount);
  assert.equal(aliceBefore - aliceAfter, amount + fee);
});
