// A task's manifest, as `labelchain publish` writes it: the JSON file whose CID
// the chain holds, listing the items' CIDs in task order, the classes by name
// and the instructions.

export const MANIFEST_FORMAT = 'labelchain-manifest/1';

export interface ManifestItem {
  /** The item's raw CIDv1 as text. */
  cid: string;
  /** Where the requester's folder had it (`cats/1.jpg`, `texts.jsonl#3`). */
  name: string;
}

export interface Manifest {
  format: string;
  classes: string[];
  instructions: string;
  items: ManifestItem[];
}

export function parseManifest(bytes: Uint8Array): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('the task\'s manifest is not JSON');
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    throw new Error(`the task's manifest is not a LabelChain manifest (format ${String(manifest?.format)}, expected ${MANIFEST_FORMAT})`);
  }
  if (!Array.isArray(manifest.classes) || !Array.isArray(manifest.items)) {
    throw new Error('the task\'s manifest lacks its classes or items');
  }
  return manifest;
}
