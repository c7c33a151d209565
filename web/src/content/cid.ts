// Checking bytes against the CID that names them, before anything shows them:
// a gateway is not trusted, only the hash is.

import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { identity } from 'multiformats/hashes/identity';

/** The raw codec: a CID of a file's bytes as they are (what LabelChain's items and manifests use). */
export const RAW_CODEC = 0x55;

/** The bytes a gateway sent are not the ones their CID names. */
export class CidMismatch extends Error {
  constructor(readonly cid: string) {
    super(`the bytes received for ${cid} do not match their CID: the gateway sent something else`);
    this.name = 'CidMismatch';
  }
}

/** A CID as the chain holds it (its binary form) or as text. */
export function parseCid(cid: Uint8Array | string): CID {
  return typeof cid === 'string' ? CID.parse(cid) : CID.decode(cid);
}

/**
 * Resolves when `bytes` are the block `cid` names; throws `CidMismatch` when
 * they are not, and an error for a CID this app cannot check (a codec other
 * than raw, whose bytes are not the file's, or a hash it does not know).
 */
export async function checkBlock(cid: CID, bytes: Uint8Array): Promise<void> {
  if (cid.code !== RAW_CODEC) {
    throw new Error(`${cid} is not a raw CID (codec 0x${cid.code.toString(16)}): LabelChain items are raw blocks`);
  }
  const hasher = [sha256, identity].find((known) => known.code === cid.multihash.code);
  if (!hasher) throw new Error(`${cid} uses hash 0x${cid.multihash.code.toString(16)}, which this app cannot check`);
  const digest = await hasher.digest(bytes);
  if (!equalBytes(digest.bytes, cid.multihash.bytes)) throw new CidMismatch(cid.toString());
}

/** The raw CIDv1 (sha2-256) of `bytes`: how a requester's files are named. */
export async function rawCid(bytes: Uint8Array): Promise<CID> {
  return CID.createV1(RAW_CODEC, await sha256.digest(bytes));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
