// A trustless IPFS gateway on loopback for tests: serves blocks by CID
// (`GET /ipfs/<cid>?format=raw`) from what the test put in, or answers 404.
// `forge(cid, bytes)` makes it send other bytes for a CID, as a lying
// gateway would.

import { createServer } from 'node:http';

import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';

const RAW = 0x55;

export async function rawCid(bytes) {
  return CID.createV1(RAW, await sha256.digest(bytes));
}

export class ItemGateway {
  constructor() {
    this.blocks = new Map();
    this.requests = 0;
    this.server = createServer((request, response) => {
      this.requests += 1;
      const match = /^\/ipfs\/([a-z0-9]+)/.exec(request.url ?? '');
      const bytes = match && this.blocks.get(match[1]);
      // A page on another port fetches from here.
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Access-Control-Allow-Headers', 'Accept');
      if (request.method === 'OPTIONS') return response.end();
      if (!bytes) {
        response.statusCode = 404;
        return response.end('not found');
      }
      response.setHeader('Content-Type', 'application/vnd.ipld.raw');
      response.end(bytes);
    });
  }

  /** Adds `bytes` and returns their CID (as text). */
  async add(bytes) {
    const cid = (await rawCid(bytes)).toString();
    this.blocks.set(cid, bytes);
    return cid;
  }

  forge(cid, bytes) {
    this.blocks.set(cid, bytes);
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${this.server.address().port}`;
  }

  async stop() {
    this.server.closeAllConnections?.();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
