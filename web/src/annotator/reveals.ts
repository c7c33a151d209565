// Reveals go out by themselves while the page is open: at each new block,
// every label this account keeps is checked against the chain, and those
// whose item's reveal window is open are revealed (several of a task in one
// `reveal_batch`). Labels the chain no longer needs are forgotten.

import type { Chain } from '../chain/connection';
import { annotatorWork, bestBlock, itemTakesCommits } from '../chain/labeling';
import { send } from '../chain/send';
import type { SaltStore, SealedLabel } from '../salts';
import type { Account } from '../wallet';

export interface RevealState {
  /** Labels committed (or being committed) and not yet revealed. */
  pending: number;
  /** Labels revealed by this page since it opened. */
  revealed: number;
  /** The last failure, in words. */
  error?: string;
}

/** The chain's largest batch (`MaxBatch`); read from the metadata's constants. */
function maxBatch(chain: Chain): number {
  const constant = chain.api.consts.labelVoting?.maxBatch as unknown as { toNumber(): number } | undefined;
  return constant?.toNumber() ?? 1;
}

export class RevealKeeper {
  private unsubscribe?: () => void;
  private running = false;
  private readonly inFlight = new Set<string>();
  private state: RevealState = { pending: 0, revealed: 0 };

  constructor(
    private readonly chain: Chain,
    private readonly account: Account,
    private readonly store: SaltStore,
    private readonly onChange: (state: RevealState) => void,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.chain.api.rpc.chain.subscribeNewHeads(() => { void this.tick(); });
    await this.tick();
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** One look at the chain; a look already running makes this one a no-op. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.look();
    } catch (error) {
      this.update({ error: (error as Error).message });
    } finally {
      this.running = false;
    }
  }

  private update(change: Partial<RevealState>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
  }

  private async look(): Promise<void> {
    const { api, genesis } = this.chain;
    const labels = await this.store.ofAccount(genesis, this.account.address);
    const byTask = new Map<number, SealedLabel[]>();
    for (const label of labels) byTask.set(label.task, [...(byTask.get(label.task) ?? []), label]);
    const next = (await bestBlock(api)) + 1;
    let pending = 0;
    for (const [task, kept] of byTask) {
      const work = new Map((await annotatorWork(api, this.account.address, task)).map((entry) => [entry.item, entry]));
      const due: SealedLabel[] = [];
      for (const label of kept) {
        const entry = work.get(label.item);
        if (!entry) {
          // Not held: its commit may still be on its way while the item
          // takes commits; otherwise the chain is done with it.
          if (this.inFlight.has(key(label)) || await itemTakesCommits(api, task, label.item)) pending += 1;
          else await this.store.remove(label);
          continue;
        }
        if ('claimed' in entry.place) { pending += 1; continue; }
        if (entry.place.revealed) continue;
        pending += 1;
        if (entry.phase.type === 'Revealing' && (entry.phase as { endsAt: number }).endsAt >= next && !this.inFlight.has(key(label))) {
          due.push(label);
        }
      }
      for (let start = 0; start < due.length; start += maxBatch(this.chain)) {
        await this.reveal(task, due.slice(start, start + maxBatch(this.chain)));
      }
    }
    this.update({ pending });
  }

  private async reveal(task: number, labels: SealedLabel[]): Promise<void> {
    const { api } = this.chain;
    const tx = labels.length === 1
      ? api.tx.labelVoting.reveal(task, labels[0].item, labels[0].label, labels[0].salt)
      : api.tx.labelVoting.revealBatch(task, labels.map((label) => [label.item, label.label, label.salt]));
    labels.forEach((label) => this.inFlight.add(key(label)));
    try {
      await send(api, tx, this.account);
      this.update({ revealed: this.state.revealed + labels.length, error: undefined });
    } catch (error) {
      this.update({ error: `revealing ${labels.length} label(s) of task ${task}: ${(error as Error).message}` });
    } finally {
      labels.forEach((label) => this.inFlight.delete(key(label)));
    }
  }
}

function key(label: SealedLabel): string {
  return `${label.task}/${label.item}`;
}
