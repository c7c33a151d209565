// Labeling from Polkadot.js, shared by the tests that label: a sealed
// label, and an Open task.

import { blake2AsU8a } from '@polkadot/util-crypto';

import { MANIFEST_CID, UNIT, submit } from './dev-chain.mjs';

/** What the annotator commits on `item` of `task`: blake2_256(SCALE((task, item, label, salt, account))). */
export function sealedLabel(api, task, item, label, salt, address) {
  return blake2AsU8a(
    api.createType('(u32, u32, u16, [u8; 32], AccountId32)', [task, item, label, salt, address]).toU8a(),
  );
}

/**
 * A binary `Open` task paying 1 LBL a label at fixed `redundancy`, without
 * gold or dispute budget, its deadline 1,000 blocks on, with any of its terms
 * replaced by `terms`; returns its id.
 */
export async function createOpenTask(api, requester, itemCount, redundancy, terms = {}) {
  const created = await submit(api, api.tx.tasks.createTask({
    manifest: MANIFEST_CID,
    itemCount,
    classCount: 2,
    minRedundancy: redundancy,
    maxRedundancy: redundancy,
    targetAccuracy: 600_000_000,
    rewardPerLabel: UNIT,
    disputeBudget: 0,
    deadline: (await api.rpc.chain.getHeader()).number.toNumber() + 1_000,
    minTier: 'Newcomer',
    minStake: 0,
    assignment: 'Open',
    domain: 0,
    goldCommitments: [],
    ...terms,
  }), requester);
  return created.find((e) => api.events.tasks.TaskCreated.is(e)).data.task.toNumber();
}
