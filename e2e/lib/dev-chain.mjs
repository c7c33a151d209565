// A dev chain for one test file: a node sealing a block per transaction, a
// Polkadot.js connection decoding everything from metadata, and a way to send
// transactions that reports the runtime's error names.

import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';

import { NodeProcess, removeDir, tempDir, withTimeout } from './node-process.mjs';

export const UNIT = 10n ** 12n;
/** CIDv1 of the bytes "hello world": raw codec (0x55), sha2-256 multihash. */
export const MANIFEST_CID = '0x01551220b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

export async function startDevChain(name) {
  const basePath = tempDir(name);
  const node = await NodeProcess.start({ name: 'dev', basePath, args: ['--dev', '--sealing', 'instant'] });
  const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return {
    api,
    node,
    keyring,
    async stop() {
      await api.disconnect();
      await node.stop();
      removeDir(basePath);
    },
  };
}

/**
 * Signs and sends `tx`, waits for its block, and returns its events; a
 * dispatch error becomes an Error named after the runtime's error
 * (`section.Name`).
 */
export function submit(api, tx, signer) {
  return withTimeout(30_000, 'the transaction to land', new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      // Dev sealing finalizes blocks as it imports them, so the pool may
      // report `Finalized` without an `InBlock` first.
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
