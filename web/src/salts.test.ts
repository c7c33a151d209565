import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';

import { BACKUP_FORMAT, SaltStore, type SealedLabel } from './salts';

const label = (item: number, salt = `0x${'ab'.repeat(32)}`, value = 1): SealedLabel =>
  ({ genesis: '0xgen', account: '5Alice', task: 7, item, label: value, salt });

describe('the salt store', () => {
  it('keeps labels per chain and account, and forgets one when told', async () => {
    const store = await SaltStore.open('t1', new IDBFactory());
    await store.put(label(0));
    await store.put(label(1));
    await store.put({ ...label(2), account: '5Bob' });
    await store.put({ ...label(3), genesis: '0xother' });
    expect((await store.ofAccount('0xgen', '5Alice')).map((l) => l.item)).toEqual([0, 1]);
    expect(await store.get('0xgen', '5Alice', 7, 1)).toEqual(label(1));
    await store.remove(label(0));
    expect(await store.get('0xgen', '5Alice', 7, 0)).toBeUndefined();
  });

  it('never replaces a kept label by a different one (its commit may be on chain)', async () => {
    const store = await SaltStore.open('t2', new IDBFactory());
    await store.put(label(0));
    await store.put(label(0)); // the same again is fine
    await expect(store.put(label(0, `0x${'cd'.repeat(32)}`))).rejects.toThrow(/not replaced/);
    await expect(store.put(label(0, undefined, 0))).rejects.toThrow(/not replaced/);
    expect((await store.get('0xgen', '5Alice', 7, 0))?.salt).toBe(label(0).salt);
  });

  it('restores a backup into another browser, keeping what it has and reporting conflicts', async () => {
    const first = await SaltStore.open('t3', new IDBFactory());
    await first.put(label(0));
    await first.put(label(1));
    const backup = JSON.parse(JSON.stringify(await first.backup()));
    expect(backup.format).toBe(BACKUP_FORMAT);

    const second = await SaltStore.open('t3', new IDBFactory());
    await second.put(label(1, `0x${'ee'.repeat(32)}`));
    const result = await second.restore(backup);
    expect(result.added).toBe(1);
    expect(result.conflicting.map((l) => l.item)).toEqual([1]);
    expect((await second.get('0xgen', '5Alice', 7, 1))?.salt).toBe(`0x${'ee'.repeat(32)}`);
    expect(await second.get('0xgen', '5Alice', 7, 0)).toEqual(label(0));
  });

  it('refuses a file that is not a backup, or holds a malformed entry', async () => {
    const store = await SaltStore.open('t4', new IDBFactory());
    await expect(store.restore({ format: 'other', labels: [] })).rejects.toThrow(/not a LabelChain salt backup/);
    await expect(store.restore({ format: BACKUP_FORMAT, labels: [{ ...label(0), salt: '0x12' }] }))
      .rejects.toThrow(/malformed/);
    expect(await store.ofAccount('0xgen', '5Alice')).toEqual([]);
  });
});
