// The work screen: the item, the instructions, a button per class and the
// number keys. A label is sealed with a fresh salt kept in IndexedDB before
// its commit is sent, and the next item shows at once: the commit lands while
// the annotator goes on.

import { hexToU8a } from '@polkadot/util';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { Chain } from '../chain/connection';
import { TransactionRefused } from '../chain/errors';
import type { OpenTask } from '../chain/labeling';
import { send } from '../chain/send';
import { parseCid } from '../content/cid';
import { fetchBlock } from '../content/gateway';
import { parseManifest, type Manifest } from '../content/manifest';
import type { SaltStore } from '../salts';
import { commitment, freshSalt } from '../seal';
import type { Account } from '../wallet';
import { ItemView } from './ItemView';
import { nextItems } from './queue';

interface Shown { item: number; bytes: Uint8Array }

/** Key `1` is the first class, … `9` the ninth, `0` the tenth. */
export function classOfKey(key: string, classCount: number): number | undefined {
  if (!/^[0-9]$/.test(key)) return undefined;
  const index = key === '0' ? 9 : Number(key) - 1;
  return index < classCount ? index : undefined;
}

/**
 * Milliseconds from each key press to its commit in a block, on this page:
 * what the browser test reads (as `window.labelchainCommitTimings`) to
 * measure the work screen.
 */
export const commitTimings: number[] = [];
(globalThis as { labelchainCommitTimings?: number[] }).labelchainCommitTimings = commitTimings;

export function WorkScreen(props: { chain: Chain; account: Account; task: OpenTask; store: SaltStore; gateways: string[]; onLeave: () => void }) {
  const { chain, account, task, store, gateways } = props;
  const [manifest, setManifest] = useState<Manifest>();
  const [shown, setShown] = useState<Shown>();
  const [message, setMessage] = useState<string>('loading the task\'s manifest…');
  const [counts, setCounts] = useState({ labeled: 0, committed: 0, refused: 0 });
  const [lastError, setLastError] = useState<string>();
  const upcoming = useRef<Shown[]>([]);
  const seen = useRef(new Set<number>());
  // The item a key press labels, read at the press: the key handler may be a
  // render behind, and a second press before the next item shows must not
  // label the same item again.
  const current = useRef<Shown>();
  const show = (next: Shown | undefined) => { current.current = next; setShown(next); };

  const fetchItem = useCallback(async (m: Manifest, item: number): Promise<Shown> => {
    const entry = m.items[item];
    if (!entry) throw new Error(`the manifest lists no item ${item}`);
    return { item, bytes: await fetchBlock(parseCid(entry.cid), gateways) };
  }, [gateways]);

  /** Fills the queue to two items ahead and shows the first. */
  const advance = useCallback(async (m: Manifest) => {
    try {
      if (upcoming.current.length < 2) {
        const next = await nextItems(chain, account, task, 3 - upcoming.current.length, seen.current);
        if ('items' in next) {
          for (const item of next.items) {
            seen.current.add(item);
            upcoming.current.push(await fetchItem(m, item));
          }
        } else if (upcoming.current.length === 0) {
          show(undefined);
          setMessage(`nothing to label: ${next.none}`);
          return;
        }
      }
      show(upcoming.current.shift());
      setMessage('');
    } catch (error) {
      show(undefined);
      setMessage((error as Error).message);
    }
  }, [chain, account, task, fetchItem]);

  useEffect(() => {
    (async () => {
      try {
        const m = parseManifest(await fetchBlock(parseCid(task.manifest), gateways));
        setManifest(m);
        // Items labeled already in this browser are not shown again.
        for (const label of await store.ofAccount(chain.genesis, account.address)) {
          if (label.task === task.id) seen.current.add(label.item);
        }
        await advance(m);
      } catch (error) {
        setMessage((error as Error).message);
      }
    })();
  }, [task.id]);

  const label = useCallback(async (value: number) => {
    const labeled = current.current;
    if (!labeled || !manifest) return;
    current.current = undefined;
    const pressed = performance.now();
    const { item } = labeled;
    const salt = freshSalt();
    try {
      // The salt is on disk before its commitment leaves the page.
      await store.put({ genesis: chain.genesis, account: account.address, task: task.id, item, label: value, salt });
    } catch (error) {
      setLastError(`item ${item}: the label could not be kept, so it was not sent: ${(error as Error).message}`);
      void advance(manifest);
      return;
    }
    const hash = commitment(task.id, item, value, hexToU8a(salt), account.address);
    setCounts((c) => ({ ...c, labeled: c.labeled + 1 }));
    void advance(manifest);
    try {
      await send(chain.api, chain.api.tx.labelVoting.commit(task.id, item, hash), account);
      commitTimings.push(performance.now() - pressed);
      setCounts((c) => ({ ...c, committed: c.committed + 1 }));
    } catch (error) {
      // Refused (by the wallet, the pool or the runtime): nothing was
      // committed, so the salt can go and the item may come back. Any other
      // failure (a lost connection) may hide a commit that landed: its salt
      // stays for the reveal.
      if (error instanceof TransactionRefused) {
        await store.remove({ genesis: chain.genesis, account: account.address, task: task.id, item });
        seen.current.delete(item);
      }
      setCounts((c) => ({ ...c, refused: c.refused + 1 }));
      setLastError(`item ${item}: ${(error as Error).message}`);
    }
  }, [manifest, chain, account, task, store, advance]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!manifest || event.target instanceof HTMLInputElement) return;
      const value = classOfKey(event.key, manifest.classes.length);
      if (value !== undefined) { event.preventDefault(); void label(value); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [manifest, label]);

  return (
    <section class="work" data-testid="work-screen">
      <header>
        <h2>Task {task.id}</h2>
        <button onClick={props.onLeave}>Back to tasks</button>
      </header>
      {manifest?.instructions && <p class="instructions">{manifest.instructions}</p>}
      <div class="item" data-testid="item" data-item={shown?.item}>
        {shown && manifest ? <ItemView name={manifest.items[shown.item].name} bytes={shown.bytes} /> : <p class="note">{message}</p>}
      </div>
      {manifest && (
        <div class="classes">
          {manifest.classes.map((name, index) => (
            <button key={name} disabled={!shown} onClick={() => void label(index)} data-testid={`class-${index}`}>
              <kbd>{index < 9 ? index + 1 : index === 9 ? 0 : ''}</kbd> {name}
            </button>
          ))}
        </div>
      )}
      <p class="counts" data-testid="work-counts">
        labeled {counts.labeled} · committed {counts.committed} · refused {counts.refused}
      </p>
      {lastError && <p class="error" role="alert">{lastError}</p>}
    </section>
  );
}
