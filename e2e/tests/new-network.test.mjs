// A network of strangers from `labelchain-node new-network`: two validators
// with fresh keys, a council, an expert and endowments from the command
// line, the first validator as boot node. Each operator inserts the keys
// from their own key files into their node's keystore (as
// docs/validators.md says) and starts it; the two author and finalize, and
// the chain holds no dev account, no sudo key, and exactly the council,
// expert, validators and balances asked for.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import { UNIT } from '../lib/dev-chain.mjs';
import { NodeProcess, freePort, nodeBinary, removeDir, tempDir, waitFor } from '../lib/node-process.mjs';

const root = tempDir('new-network');
const nodes = [];
let api;

after(async () => {
  await api?.disconnect();
  await Promise.all(nodes.map((node) => node.stop()));
  removeDir(root);
});

const labelchainNode = (args) => execFileSync(nodeBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('new-network makes a chain of fresh keys that its validators start and finalize', async () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [council, expert, funded] = [0, 1, 2].map(() => keyring.addFromMnemonic(mnemonicGenerate()));
  const bootPort = await freePort();
  const out = path.join(root, 'network');
  labelchainNode([
    'new-network', '--validators', '2',
    '--council', council.address,
    '--expert', expert.address,
    '--endow', `${council.address}=1000`,
    '--endow', `${funded.address}=500`,
    '--public-addr', `1=/ip4/127.0.0.1/tcp/${bootPort}`,
    '--name', 'Strangers', '--id', 'strangers',
    '--session-length', '10',
    '--out', out,
  ]);
  const chainSpec = path.join(out, 'chain-spec.json');
  const spec = JSON.parse(readFileSync(chainSpec, 'utf8'));
  assert.equal(spec.chainType, 'Live');
  assert.equal(spec.bootNodes.length, 1);

  const validators = [1, 2].map((n) => JSON.parse(readFileSync(path.join(out, `validator-${n}`, 'keys.json'), 'utf8')));
  assert.ok(spec.bootNodes[0].endsWith(`/p2p/${validators[0].peerId}`), 'validator 1 is the boot node');
  for (const [index, keys] of validators.entries()) {
    const name = `validator-${index + 1}`;
    const basePath = path.join(root, name);
    // What the operator does with their key files before first starting.
    labelchainNode(['key', 'insert', '--base-path', basePath, '--chain', chainSpec,
      '--scheme', 'sr25519', '--key-type', 'aura', '--suri', keys.aura.secretPhrase]);
    labelchainNode(['key', 'insert', '--base-path', basePath, '--chain', chainSpec,
      '--scheme', 'ed25519', '--key-type', 'gran', '--suri', keys.grandpa.secretPhrase]);
    nodes.push(await NodeProcess.start({
      name,
      basePath,
      p2pPort: index === 0 ? bootPort : undefined,
      args: ['--chain', chainSpec, '--validator', '--name', name,
        '--node-key-file', path.join(out, name, 'node-key')],
    }));
  }

  try {
    // Two validators: GRANDPA needs both votes, so finality proves both run.
    await waitFor('both validators to finalize block 3', async () =>
      (await Promise.all(nodes.map((node) => node.finalizedNumber()))).every((n) => n >= 3),
    { timeoutMs: 120_000 });

    api = await ApiPromise.create({ provider: new WsProvider(nodes[1].wsUrl), noInitWarn: true, throwOnConnect: true });
    assert.equal((await api.rpc.system.chain()).toString(), 'Strangers');
    assert.equal((await api.rpc.system.chainType()).toString(), 'Live');
    assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
    const alice = keyring.addFromUri('//Alice');
    assert.equal((await api.query.system.account(alice.address)).data.free.toBigInt(), 0n, 'no dev account');
    assert.deepEqual((await api.query.council.members()).map(String), [council.address]);
    assert.deepEqual((await api.query.expertMembership.members()).map(String), [expert.address]);
    assert.equal((await api.query.system.account(funded.address)).data.free.toBigInt(), 500n * UNIT);
    assert.equal((await api.query.system.account(council.address)).data.free.toBigInt(), 1000n * UNIT);
    assert.deepEqual((await api.query.validatorSet.validators()).map(String).sort(),
      validators.map((keys) => keys.account.ss58Address).sort());
    assert.deepEqual((await api.query.aura.authorities()).map((key) => key.toHex()).sort(),
      validators.map((keys) => keys.aura.publicKey).sort());
  } catch (error) {
    for (const node of nodes) console.error(`--- ${node.name} log tail ---\n${node.logTail()}`);
    throw error;
  }
});
