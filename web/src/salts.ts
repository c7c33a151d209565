// Sealed labels waiting for their reveal: each label and its salt, kept in
// IndexedDB before the commit that hides them is sent, so a closed or crashed
// page can still reveal (and a lost salt is a slashed commit). The backup file
// moves them to another browser or machine.

/** One sealed label of an account on a chain. */
export interface SealedLabel {
  /** The chain's genesis hash: the same account labels on other chains too. */
  genesis: string;
  account: string;
  task: number;
  item: number;
  label: number;
  /** 32 bytes as 0x-prefixed hex. */
  salt: string;
}

export const BACKUP_FORMAT = 'labelchain-salts/1';

export interface SaltBackup {
  format: string;
  labels: SealedLabel[];
}

const STORE = 'sealed-labels';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the salt store\'s transaction was aborted'));
  });
}

export class SaltStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(name = 'labelchain', factory: IDBFactory = indexedDB): Promise<SaltStore> {
    const open = factory.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(STORE, { keyPath: ['genesis', 'account', 'task', 'item'] });
      store.createIndex('byAccount', ['genesis', 'account']);
    };
    return new SaltStore(await request(open));
  }

  /**
   * Keeps `label`, resolving once IndexedDB has committed it to disk. A label
   * already kept for the item is never replaced by a different one (its
   * commit may be on chain): that is an error.
   */
  async put(label: SealedLabel): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(STORE);
    const existing: SealedLabel | undefined = await request(store.get(keyOf(label)));
    if (existing && (existing.salt !== label.salt || existing.label !== label.label)) {
      tx.abort();
      throw new Error(`item ${label.item} of task ${label.task} already has a sealed label kept: it is not replaced`);
    }
    store.put(label);
    await done(tx);
  }

  async get(genesis: string, account: string, task: number, item: number): Promise<SealedLabel | undefined> {
    const tx = this.db.transaction(STORE, 'readonly');
    return request(tx.objectStore(STORE).get([genesis, account, task, item]));
  }

  /** Every label `account` keeps on the chain `genesis`. */
  async ofAccount(genesis: string, account: string): Promise<SealedLabel[]> {
    const tx = this.db.transaction(STORE, 'readonly');
    return request(tx.objectStore(STORE).index('byAccount').getAll([genesis, account]));
  }

  async remove(label: Pick<SealedLabel, 'genesis' | 'account' | 'task' | 'item'>): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(keyOf(label));
    await done(tx);
  }

  /** Everything kept, for the backup file. */
  async backup(): Promise<SaltBackup> {
    const tx = this.db.transaction(STORE, 'readonly');
    return { format: BACKUP_FORMAT, labels: await request(tx.objectStore(STORE).getAll()) };
  }

  /**
   * Adds a backup's labels; those already kept stay as they are. Returns how
   * many were added and the items whose backup label differs from the one
   * kept (left alone: which one was committed only the chain can say).
   */
  async restore(backup: SaltBackup): Promise<{ added: number; conflicting: SealedLabel[] }> {
    if (backup?.format !== BACKUP_FORMAT || !Array.isArray(backup.labels)) {
      throw new Error(`not a LabelChain salt backup (expected format ${BACKUP_FORMAT})`);
    }
    let added = 0;
    const conflicting: SealedLabel[] = [];
    for (const label of backup.labels) {
      validate(label);
      const existing = await this.get(label.genesis, label.account, label.task, label.item);
      if (!existing) {
        await this.put(label);
        added += 1;
      } else if (existing.salt !== label.salt || existing.label !== label.label) {
        conflicting.push(label);
      }
    }
    return { added, conflicting };
  }

  close(): void {
    this.db.close();
  }
}

function keyOf(label: Pick<SealedLabel, 'genesis' | 'account' | 'task' | 'item'>): IDBValidKey {
  return [label.genesis, label.account, label.task, label.item];
}

function validate(label: SealedLabel): void {
  const ok = typeof label.genesis === 'string' && typeof label.account === 'string'
    && Number.isInteger(label.task) && Number.isInteger(label.item) && Number.isInteger(label.label)
    && /^0x[0-9a-fA-F]{64}$/.test(label.salt);
  if (!ok) throw new Error(`the backup holds a malformed entry: ${JSON.stringify(label)}`);
}
