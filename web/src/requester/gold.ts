// Hidden gold answers: read from a CSV of `item,answer` (item by name or
// index, answer by class name or index, an optional `item,answer` header),
// each sealed with a fresh salt, and kept in a gold file in the client's
// format (`labelchain reveal-gold` reads the page's files and the page reads
// the client's). The commitment is blake2-256 of SCALE (item u32, answer
// u16, salt [u8; 32]), as `gold_commitment` in primitives/src/commitment.rs.

import { hexToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

import type { Manifest } from '../content/manifest';
import { freshSalt, littleEndian } from '../seal';

/** One answer as the gold file holds it (snake case, salt as bare hex). */
export interface GoldSecret { gold_index: number; item: number; answer: number; salt: string }

export interface GoldFile { task: number | null; manifest: string; answers: GoldSecret[] }

export function goldCommitment(item: number, answer: number, salt: Uint8Array): Uint8Array {
  return blake2AsU8a(u8aConcat(littleEndian(item, 32), littleEndian(answer, 16), salt), 256);
}

export function secretCommitment(secret: GoldSecret): Uint8Array {
  return goldCommitment(secret.item, secret.answer, hexToU8a(`0x${secret.salt}`));
}

function labelOf(manifest: Manifest, text: string): number | undefined {
  const byName = manifest.classes.indexOf(text);
  if (byName >= 0) return byName;
  return /^\d+$/.test(text) && Number(text) < manifest.classes.length ? Number(text) : undefined;
}

export function parseGoldCsv(text: string, manifest: Manifest): GoldSecret[] {
  const answers: GoldSecret[] = [];
  const seen = new Set<number>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (!line || (number === 1 && line.toLowerCase() === 'item,answer')) return;
    const comma = line.lastIndexOf(',');
    if (comma < 0) throw new Error(`gold line ${number}: expected item,answer`);
    const [itemText, answerText] = [line.slice(0, comma).trim(), line.slice(comma + 1).trim()];
    let item = manifest.items.findIndex((listed) => listed.name === itemText);
    if (item < 0 && /^\d+$/.test(itemText) && Number(itemText) < manifest.items.length) item = Number(itemText);
    if (item < 0) throw new Error(`gold line ${number}: no item named or numbered "${itemText}"`);
    if (seen.has(item)) throw new Error(`gold line ${number}: item ${item} has a gold answer already`);
    seen.add(item);
    const answer = labelOf(manifest, answerText);
    if (answer === undefined) throw new Error(`gold line ${number}: "${answerText}" is not a class (${manifest.classes.map((c, i) => `${i}=${c}`).join(', ')})`);
    answers.push({ gold_index: answers.length, item, answer, salt: freshSalt().slice(2) });
  });
  return answers;
}

/** serde_json's pretty form, as the client writes gold files. */
export function goldFileText(file: GoldFile): string {
  return JSON.stringify({ task: file.task, manifest: file.manifest, answers: file.answers.map(({ gold_index, item, answer, salt }) => ({ gold_index, item, answer, salt })) }, null, 2);
}

export function parseGoldFile(text: string): GoldFile {
  const file = JSON.parse(text) as GoldFile;
  if (typeof file?.manifest !== 'string' || !Array.isArray(file.answers)
    || !file.answers.every((a) => Number.isInteger(a.gold_index) && Number.isInteger(a.item) && Number.isInteger(a.answer) && /^[0-9a-fA-F]{64}$/.test(a.salt))) {
    throw new Error('not a LabelChain gold file');
  }
  return file;
}
