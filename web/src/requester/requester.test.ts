import { CarReader } from '@ipld/car/reader';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';

import vectors from '../../../primitives/src/commitment_vectors.json';
import { commitment } from '../seal';
import { csvText, jsonLine, type ExportRecord } from './export';
import { comparePaths, folderItems } from './folder';
import { goldCommitment, goldFileText, parseGoldCsv, parseGoldFile } from './gold';
import { manifestBytes, taskCar, taskPackage } from './package';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a dropped folder', () => {
  it('lists its items as publish does: sorted by path component, hidden skipped, a .jsonl line each', () => {
    const items = folderItems([
      { path: 'b.txt', bytes: bytes('b') },
      { path: 'a-c/x.txt', bytes: bytes('ac') },
      { path: 'a/b.txt', bytes: bytes('ab') },
      { path: '.hidden', bytes: bytes('h') },
      { path: 'sub/.git/config', bytes: bytes('g') },
      { path: 'lines.jsonl', bytes: bytes('{"text":"one"}\r\n\n  \n{"text":"two"}') },
    ]);
    expect(items.map((i) => i.name)).toEqual(['a/b.txt', 'a-c/x.txt', 'b.txt', 'lines.jsonl#1', 'lines.jsonl#4']);
    expect(new TextDecoder().decode(items[3].bytes)).toBe('{"text":"one"}');
    expect(comparePaths('a/b', 'a-c')).toBeLessThan(0);
    expect(() => folderItems([{ path: '.DS_Store', bytes: bytes('x') }])).toThrow(/no items/);
  });
});

describe('a task package', () => {
  it('writes the manifest as the client does and archives it with the items in a CAR', async () => {
    const items = folderItems([{ path: '1.txt', bytes: bytes('meow') }, { path: '2.txt', bytes: bytes('woof') }, { path: '3.txt', bytes: bytes('meow') }]);
    const pkg = await taskPackage(items, ['cat', 'dog'], 'Which animal?');
    const text = new TextDecoder().decode(pkg.manifestBytes);
    expect(text).toBe(`{
  "format": "labelchain-manifest/1",
  "classes": [
    "cat",
    "dog"
  ],
  "instructions": "Which animal?",
  "items": [
    {
      "cid": "${pkg.itemCids[0]}",
      "name": "1.txt"
    },
    {
      "cid": "${pkg.itemCids[1]}",
      "name": "2.txt"
    },
    {
      "cid": "${pkg.itemCids[2]}",
      "name": "3.txt"
    }
  ]
}
`);
    expect(manifestBytes(pkg.manifest)).toEqual(pkg.manifestBytes);
    const reader = await CarReader.fromBytes(await taskCar(pkg, items));
    expect((await reader.getRoots()).map(String)).toEqual([pkg.manifestCid.toString()]);
    const blocks = [];
    for await (const block of reader.blocks()) blocks.push(block);
    expect(blocks.length).toBe(3); // the manifest and two distinct items
    expect(new TextDecoder().decode((await reader.get(pkg.itemCids[1]))!.bytes)).toBe('woof');
    await expect(taskPackage(items, ['cat'], '')).rejects.toThrow(/two classes/);
  });
});

describe('commitments', () => {
  it('match the vectors the runtime checks (primitives/src/commitment_vectors.json)', () => {
    const salt = hexToU8a(vectors.salt);
    const annotator = hexToU8a(vectors.annotator);
    // The annotator as an SS58 address of its 32 bytes.
    expect(u8aToHex(commitment(Number(vectors.task), Number(vectors.item), Number(vectors.label), salt, encodeAddress(annotator))))
      .toBe(vectors.labelCommitment);
    expect(u8aToHex(goldCommitment(Number(vectors.item), Number(vectors.answer), salt))).toBe(vectors.goldCommitment);
  });
});

describe('gold answers', () => {
  const manifest = { format: 'labelchain-manifest/1', classes: ['cat', 'dog'], instructions: '', items: [{ cid: 'x', name: '1.txt' }, { cid: 'y', name: '2.txt' }] };

  it('read from a CSV by item name or index and class name or index, each with a fresh salt', () => {
    const answers = parseGoldCsv('item,answer\n1.txt,dog\n1,0\n', manifest);
    expect(answers.map(({ gold_index, item, answer }) => [gold_index, item, answer])).toEqual([[0, 0, 1], [1, 1, 0]]);
    expect(answers[0].salt).toMatch(/^[0-9a-f]{64}$/);
    expect(answers[0].salt).not.toBe(answers[1].salt);
    expect(() => parseGoldCsv('1.txt,dog\n1.txt,cat', manifest)).toThrow(/already/);
    expect(() => parseGoldCsv('3.txt,dog', manifest)).toThrow(/no item/);
    expect(() => parseGoldCsv('1.txt,cow', manifest)).toThrow(/not a class/);
  });

  it('kept in the client\'s gold file format, read back and checked', () => {
    const answers = parseGoldCsv('1.txt,dog', manifest);
    const text = goldFileText({ task: null, manifest: 'bafk', answers });
    expect(JSON.parse(text)).toEqual({ task: null, manifest: 'bafk', answers: [{ gold_index: 0, item: 0, answer: 1, salt: answers[0].salt }] });
    expect(parseGoldFile(text).answers).toEqual(answers);
    expect(() => parseGoldFile('{"manifest":"x","answers":[{"gold_index":0,"item":0,"answer":1,"salt":"12"}]}')).toThrow(/not a LabelChain gold file/);
  });
});

describe('exports', () => {
  const settled: ExportRecord = {
    item: 0, cid: 'bafk', name: 'a,"b".txt', status: 'settled', label: 1, class: 'dog', decidedBy: 'consensus',
    confidence: 1, labelsUsed: 3, annotators: [{ annotator: '5Alice', label: 1 }, { annotator: '5Bob', label: null }], block: 120,
  };

  it('write JSON lines field for field as the client (serde) does', () => {
    expect(jsonLine(settled)).toBe('{"item":0,"cid":"bafk","name":"a,\\"b\\".txt","status":"settled","label":1,"class":"dog","decidedBy":"consensus","confidence":1.0,"labelsUsed":3,"annotators":[{"annotator":"5Alice","label":1},{"annotator":"5Bob","label":null}],"block":120}');
    expect(jsonLine({ ...settled, confidence: 0.9731 })).toContain('"confidence":0.9731,');
    expect(jsonLine({ item: 1, cid: 'c', name: 'n', status: 'labeling' })).toBe('{"item":1,"cid":"c","name":"n","status":"labeling"}');
  });

  it('write CSV with a header, quoting what needs it', () => {
    expect(csvText([settled, { item: 1, cid: 'c', name: 'n', status: 'labeling' }])).toBe(
      'item,cid,name,status,label,class,decided_by,confidence,labels_used,block,annotators\n'
      + '0,bafk,"a,""b"".txt",settled,1,dog,consensus,1,3,120,5Alice=1;5Bob=\n'
      + '1,c,n,labeling,,,,,,,\n');
  });
});
