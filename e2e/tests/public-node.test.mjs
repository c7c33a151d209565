// A node started without --dev and listening on every interface (as a
// public RPC node is) serves only safe RPC methods: the labeling reads and
// transaction submission work, key management and dev block sealing do not.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { NodeProcess, REPO_ROOT, removeDir, tempDir } from '../lib/node-process.mjs';

const CHAIN_SPEC = path.join(REPO_ROOT, 'chain-specs', 'local.json');

let node;
let basePath;

before(async () => {
  basePath = tempDir('public');
  // A full node (not a validator) of the local testnet, its RPC on 0.0.0.0.
  node = await NodeProcess.start({ name: 'public', basePath, args: ['--chain', CHAIN_SPEC, '--rpc-external'] });
});

after(async () => {
  await node?.stop();
  if (basePath) removeDir(basePath);
});

test('a public node answers the labeling reads and the chain queries', async () => {
  const page = await node.call('labeling_openTasks', []);
  assert.deepEqual(page.tasks, []);
  assert.equal(typeof (await node.call('system_health')).peers, 'number');
  assert.ok(await node.call('chain_getHeader'));
});

test('a public node refuses unsafe methods and has no dev sealing', async () => {
  // Key management would let any caller make the node sign with new keys.
  await assert.rejects(node.call('author_rotateKeys', []), /unsafe/i);
  await assert.rejects(node.call('author_insertKey', ['aura', '//Eve', '0x00']), /unsafe/i);
  await assert.rejects(node.call('system_addReservedPeer', ['/ip4/127.0.0.1/tcp/1/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp']), /unsafe/i);
  // `engine_*` exists only on a dev node's manual sealing.
  await assert.rejects(node.call('engine_createBlock', [true, true]), /not found|does not exist/i);
  const methods = (await node.call('rpc_methods')).methods;
  assert.ok(!methods.some((method) => method.startsWith('engine_')), 'engine_* methods are served');
  assert.ok(methods.includes('labeling_task'));
});
