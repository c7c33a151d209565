// The items an annotator labels next on one task, taken as the chain allows:
// in an open task any claimable item (starting at a place set by the account,
// so annotators working at once rarely pick the same item), in an assigned
// task the items the chain drew for this annotator's claims.

import { decodeAddress } from '@polkadot/util-crypto';

import type { Chain } from '../chain/connection';
import { annotatorWork, bestBlock, claimableItems, reasonText, type OpenTask } from '../chain/labeling';
import { send } from '../chain/send';
import type { Account } from '../wallet';

export type NextItems = { items: number[] } | { none: string };

/** Up to `want` items to label that are not in `skip` (labeled already, or shown now). */
export async function nextItems(chain: Chain, account: Account, task: OpenTask, want: number, skip: Set<number>): Promise<NextItems> {
  const { api } = chain;
  if (task.assignment === 'Assigned') {
    const claimed = await claimedItems(chain, account, task.id, skip);
    if (claimed.length > 0) return { items: claimed.slice(0, want) };
    const eligible = await claimableItems(api, account.address, task.id);
    if ('reason' in eligible) return { none: reasonText(eligible.reason) };
    if (eligible.items.length === 0) return { none: 'no item is left for you on this task now' };
    // The chain draws the item at the start of the block after the claim's.
    await send(api, api.tx.labelVoting.claim(task.id), account);
    const drawnBy = (await bestBlock(api)) + 1;
    while ((await bestBlock(api)) < drawnBy) await new Promise((resolve) => setTimeout(resolve, 250));
    const drawn = await claimedItems(chain, account, task.id, skip);
    return drawn.length ? { items: drawn.slice(0, want) } : { none: 'others took the last items first' };
  }
  const eligible = await claimableItems(api, account.address, task.id);
  if ('reason' in eligible) return { none: reasonText(eligible.reason) };
  const free = eligible.items.filter((item) => !skip.has(item));
  if (free.length === 0) return { none: 'no item is left for you on this task now' };
  const offset = decodeAddress(account.address)[0] % free.length;
  return { items: [...free.slice(offset), ...free.slice(0, offset)].slice(0, want) };
}

async function claimedItems(chain: Chain, account: Account, task: number, skip: Set<number>): Promise<number[]> {
  const next = (await bestBlock(chain.api)) + 1;
  return (await annotatorWork(chain.api, account.address, task))
    .filter((entry) => 'claimed' in entry.place && entry.place.claimed >= next && !skip.has(entry.item))
    .map((entry) => entry.item);
}
