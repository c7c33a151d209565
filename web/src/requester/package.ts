// What a requester publishes: the manifest (JSON, byte for byte what
// `labelchain publish` writes, so both name a task's data with the same
// CID) and a CAR archive of the manifest and the items to pin.

import { CarWriter } from '@ipld/car/writer';
import type { CID } from 'multiformats/cid';

import { rawCid } from '../content/cid';
import { MANIFEST_FORMAT, type Manifest } from '../content/manifest';
import type { FolderItem } from './folder';

export interface TaskPackage {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  manifestCid: CID;
  itemCids: CID[];
}

/** serde_json's pretty form (two spaces) ending in a line break, as the client writes it. */
export function manifestBytes(manifest: Manifest): Uint8Array {
  const ordered = {
    format: manifest.format,
    classes: manifest.classes,
    instructions: manifest.instructions,
    items: manifest.items.map(({ cid, name }) => ({ cid, name })),
  };
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

export async function taskPackage(items: FolderItem[], classes: string[], instructions: string): Promise<TaskPackage> {
  if (classes.length < 2) throw new Error('a task needs at least two classes');
  if (new Set(classes).size !== classes.length) throw new Error('the classes must differ');
  const itemCids = await Promise.all(items.map((item) => rawCid(item.bytes)));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    classes,
    instructions,
    items: items.map((item, index) => ({ cid: itemCids[index].toString(), name: item.name })),
  };
  const bytes = manifestBytes(manifest);
  return { manifest, manifestBytes: bytes, manifestCid: await rawCid(bytes), itemCids };
}

/** A CARv1 of the manifest (its root) and every item, each block once. */
export async function taskCar(pkg: TaskPackage, items: FolderItem[]): Promise<Uint8Array> {
  const { writer, out } = CarWriter.create([pkg.manifestCid]);
  const chunks: Uint8Array[] = [];
  const collected = (async () => { for await (const chunk of out) chunks.push(chunk); })();
  const written = new Set<string>();
  const blocks = [{ cid: pkg.manifestCid, bytes: pkg.manifestBytes }, ...items.map((item, i) => ({ cid: pkg.itemCids[i], bytes: item.bytes }))];
  for (const block of blocks) {
    if (written.has(block.cid.toString())) continue;
    written.add(block.cid.toString());
    await writer.put(block);
  }
  await writer.close();
  await collected;
  const car = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) { car.set(chunk, at); at += chunk.length; }
  return car;
}
