// A chain's whole state at one block, written to a file for try-runtime/'s
// checker: every key and value of the top trie, read over the node's RPC,
// with the block's number and state root (which the checker recomputes, so
// a missing or wrong pair is caught).
//
// Also a command, for checking a release against a live chain:
//   node e2e/lib/state-file.mjs http://127.0.0.1:9944 state.json [block hash]
// (the finalized head by default), then
//   labelchain-try-runtime state.json

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { rpcAt } from './node-process.mjs';

// Keys per state_getKeysPaged page and values per state_queryStorageAt call.
const PAGE = 1000;

export async function writeStateFile(node, blockHash, file) {
  const header = await node.call('chain_getHeader', [blockHash]);
  const pairs = [];
  let startKey = '0x';
  for (;;) {
    const keys = await node.call('state_getKeysPaged', ['0x', PAGE, startKey, blockHash]);
    if (keys.length === 0) break;
    const [changes] = await node.call('state_queryStorageAt', [keys, blockHash]);
    for (const [key, value] of changes.changes) {
      if (value !== null) pairs.push([key, value]);
    }
    if (keys.length < PAGE) break;
    startKey = keys[keys.length - 1];
  }
  writeFileSync(file, JSON.stringify({
    number: parseInt(header.number, 16),
    stateRoot: header.stateRoot,
    pairs,
  }));
  return pairs.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [url, file, hash] = process.argv.slice(2);
  if (!url || !file) {
    console.error('usage: node e2e/lib/state-file.mjs <node http url> <file> [block hash]');
    process.exit(2);
  }
  const node = { call: (method, params) => rpcAt(url, method, params) };
  const at = hash ?? await node.call('chain_getFinalizedHead');
  const pairs = await writeStateFile(node, at, file);
  console.log(`${file}: ${pairs} pairs at ${at}`);
}
