// Items and manifests fetched by CID from the IPFS gateways the user set, as
// trustless gateways answer (`?format=raw`: the block itself), each checked
// against its CID before it is used.

import type { CID } from 'multiformats/cid';

import { CidMismatch, checkBlock } from './cid';

/** No gateway had the block, or every one that answered sent wrong bytes. */
export class BlockUnavailable extends Error {
  constructor(readonly cid: string, readonly reasons: string[]) {
    super(`${cid} could not be fetched: ${reasons.join('; ')}`);
    this.name = 'BlockUnavailable';
  }
}

/**
 * The block `cid` names, from the first of `gateways` that sends the right
 * bytes. A gateway sending wrong bytes is skipped like one that has nothing;
 * if all fail and one sent wrong bytes, that `CidMismatch` is what is thrown,
 * so the page says the content was wrong rather than missing.
 */
export async function fetchBlock(cid: CID, gateways: string[], fetcher: typeof fetch = fetch): Promise<Uint8Array> {
  const reasons: string[] = [];
  let mismatch: CidMismatch | undefined;
  for (const gateway of gateways) {
    const url = `${gateway.replace(/\/+$/, '')}/ipfs/${cid.toString()}?format=raw`;
    try {
      const response = await fetcher(url, { headers: { Accept: 'application/vnd.ipld.raw' } });
      if (!response.ok) {
        reasons.push(`${gateway}: HTTP ${response.status}`);
        continue;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      await checkBlock(cid, bytes);
      return bytes;
    } catch (error) {
      if (error instanceof CidMismatch) mismatch = error;
      reasons.push(`${gateway}: ${(error as Error).message}`);
    }
  }
  if (mismatch) throw mismatch;
  throw new BlockUnavailable(cid.toString(), reasons.length ? reasons : ['no gateway is set']);
}
