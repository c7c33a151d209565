import { CID } from 'multiformats/cid';
import { describe, expect, it } from 'vitest';

import { CidMismatch, checkBlock, parseCid, rawCid } from './cid';
import { BlockUnavailable, fetchBlock } from './gateway';

const hello = new TextEncoder().encode('hello world');
// The e2e tests' manifest CID: raw, sha2-256 of "hello world".
const HELLO_ON_CHAIN = Uint8Array.from(Buffer.from('01551220b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9', 'hex'));

describe('CID checks', () => {
  it('accept the bytes a raw CID names, as the chain and the client write it', async () => {
    const cid = parseCid(HELLO_ON_CHAIN);
    expect((await rawCid(hello)).equals(cid)).toBe(true);
    expect(cid.toString()).toBe('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e');
    await checkBlock(cid, hello);
  });

  it('refuse other bytes, and CIDs they cannot check', async () => {
    const cid = parseCid(HELLO_ON_CHAIN);
    await expect(checkBlock(cid, new TextEncoder().encode('hello world!'))).rejects.toBeInstanceOf(CidMismatch);
    const dagPb = CID.createV1(0x70, cid.multihash);
    await expect(checkBlock(dagPb, hello)).rejects.toThrow(/not a raw CID/);
  });
});

describe('fetching from gateways', () => {
  const cid = parseCid(HELLO_ON_CHAIN);
  const answer = (status: number, body: Uint8Array) => async () => new Response(body as BodyInit, { status });

  it('asks for the raw block and returns checked bytes', async () => {
    let asked = '';
    const bytes = await fetchBlock(cid, ['http://gw.test/'], async (url, init) => {
      asked = `${url} ${(init?.headers as Record<string, string>).Accept}`;
      return new Response(hello);
    });
    expect(bytes).toEqual(hello);
    expect(asked).toBe(`http://gw.test/ipfs/${cid}?format=raw application/vnd.ipld.raw`);
  });

  it('skips a gateway that lies or lacks the block, and says which failure it was', async () => {
    const gateways = ['http://liar', 'http://good'];
    const fetcher = async (url: RequestInfo | URL) =>
      String(url).startsWith('http://liar') ? new Response('forged') : new Response(hello);
    expect(await fetchBlock(cid, gateways, fetcher)).toEqual(hello);
    await expect(fetchBlock(cid, ['http://liar'], answer(200, new TextEncoder().encode('forged'))))
      .rejects.toBeInstanceOf(CidMismatch);
    await expect(fetchBlock(cid, ['http://empty'], answer(404, new Uint8Array()))).rejects.toBeInstanceOf(BlockUnavailable);
    await expect(fetchBlock(cid, [], answer(200, hello))).rejects.toThrow(/no gateway is set/);
  });
});
