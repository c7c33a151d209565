// Bad input at the edges of a dev node (issue 22): every `labeling_*`
// JSON-RPC method, fed missing, malformed, out-of-range and oversized
// parameters, answers with a JSON-RPC error or a result and never breaks the
// connection, and the node keeps serving; extrinsics of malformed SCALE or
// with a bad signature are refused by the pool, nothing of them is included
// and no balance moves.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { randomAsU8a } from '@polkadot/util-crypto';

import { UNIT, startDevChain, submit } from '../lib/dev-chain.mjs';

let chain;
let api;
let keyring;

before(async () => {
  chain = await startDevChain('edges');
  ({ api, keyring } = chain);
});

after(async () => {
  await chain?.stop();
});

/** Parameter lists no `labeling_*` method takes as they are. */
const BAD_PARAMS = [
  ['nothing', []],
  ['null', [null]],
  ['a negative number', [-1]],
  ['a number past u64', [2 ** 70]],
  ['a fraction', [1.5]],
  ['an object', [{ task: 0 }]],
  ['an array', [[1, 2, 3]]],
  ['40 bytes of hex', [`0x${'ff'.repeat(40)}`]],
  ['a megabyte string', ['x'.repeat(1 << 20)]],
  ['too many arguments', Array(64).fill(0)],
  ['a task past u32 and a bad block', [4_294_967_296, '0x00']],
];

/** A method's answer: its result, or its JSON-RPC error (`code`); anything
 * else (a dropped connection, a body that is not JSON-RPC) fails. */
async function answer(method, params) {
  try {
    return { result: await chain.node.call(method, params) };
  } catch (error) {
    assert.equal(typeof error.code, 'number', `${method} broke instead of answering: ${error.message}`);
    return { code: error.code };
  }
}

test('every labeling_* method answers bad parameters with a JSON-RPC error and the node keeps serving', async () => {
  const { methods } = await chain.node.call('rpc_methods', []);
  const labeling = methods.filter((method) => method.startsWith('labeling_'));
  assert.ok(labeling.length >= 8, `the node serves the labeling methods: ${labeling}`);
  let errors = 0;
  for (const method of labeling) {
    for (const [what, params] of BAD_PARAMS) {
      const { code } = await answer(method, params);
      // Methods whose every parameter is optional may answer nothing or null.
      if (code === undefined) {
        assert.ok(what === 'nothing' || what === 'null', `${method} accepted ${what}`);
      } else {
        errors += 1;
      }
    }
  }
  assert.ok(errors >= labeling.length * (BAD_PARAMS.length - 2), `${errors} errors`);
  assert.equal((await chain.node.call('system_health', [])).isSyncing, false);
  // Still answering the labeling methods properly.
  assert.equal(typeof (await chain.node.call('labeling_openTasks', [0, 10])), 'object');
});

test('the nonce, fee and dry-run methods answer bad parameters at once too', async () => {
  // Upstream's system_accountNextIndex base58-decoded a megabyte account for
  // minutes; the node serves it through a bounded account (node/src/rpc/bounded_nonce.rs).
  const methods = ['system_accountNextIndex', 'account_nextIndex', 'payment_queryInfo',
    'payment_queryFeeDetails', 'system_dryRun'];
  for (const method of methods) {
    for (const [what, params] of BAD_PARAMS) {
      const started = Date.now();
      const { code } = await answer(method, params);
      assert.notEqual(code, undefined, `${method} accepted ${what}`);
      assert.ok(Date.now() - started < 10_000, `${method} took ${Date.now() - started} ms over ${what}`);
    }
  }
  const alice = keyring.addFromUri('//Alice');
  for (const method of ['system_accountNextIndex', 'account_nextIndex']) {
    assert.equal(typeof (await chain.node.call(method, [alice.address])), 'number');
  }
});

test('malformed and badly signed extrinsics are refused by the pool without harm', async () => {
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const before = (await api.query.system.account(alice.address)).toJSON();
  const bestBefore = await chain.node.bestNumber();

  const signed = await api.tx.balances.transferKeepAlive(bob.address, UNIT).signAsync(alice);
  const good = signed.toHex();
  const signature = signed.signature.toHex().slice(2);
  const at = good.indexOf(signature);
  assert.ok(at > 0, 'the signature is in the extrinsic');
  const flipped = good.slice(0, at + 10) + (good[at + 10] === '0' ? '1' : '0') + good.slice(at + 11);

  for (const [what, hex] of [
    ['random bytes', u8aToHex(randomAsU8a(120))],
    ['a truncated extrinsic', good.slice(0, good.length - 20)],
    ['one byte', '0x04'],
    ['nothing', '0x'],
    ['a bad signature', flipped],
  ]) {
    await assert.rejects(chain.node.call('author_submitExtrinsic', [hex]), (error) => {
      assert.equal(typeof error.code, 'number', `${what}: ${error.message}`);
      return true;
    }, `${what} is refused`);
  }
  assert.deepEqual(await chain.node.call('author_pendingExtrinsics', []), []);
  assert.deepEqual((await api.query.system.account(alice.address)).toJSON(), before, 'nothing moved');
  assert.equal(await chain.node.bestNumber(), bestBefore, 'no block was made for them');

  // The node still takes a good transaction.
  const events = await submit(api, api.tx.balances.transferKeepAlive(bob.address, UNIT), alice);
  assert.ok(events.some((event) => api.events.balances.Transfer.is(event)));
});
