// What the page reads from the chain, all through the labeling runtime API
// (the pallets' own rules answer; the page never reads their storage).

import type { ApiPromise } from '@polkadot/api';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

export interface OpenTask {
  id: number;
  requester: string;
  manifest: Uint8Array;
  itemCount: number;
  classCount: number;
  rewardPerLabel: bigint;
  deadline: number;
  minTier: string;
  minStake: bigint;
  assignment: 'Open' | 'Assigned';
  domain: number;
  progress: Record<string, number>;
}

export type Place = { claimed: number } | { committed: true; revealed: boolean };
export type Phase = { type: 'Labeling' } | { type: 'Revealing'; endsAt: number } | { type: string };

export interface WorkItem {
  item: number;
  place: Place;
  phase: Phase;
}

export interface AnnotatorView {
  bonded: bigint;
  locked: bigint;
  withdrawable: bigint;
  minimum: bigint;
  unbonding: Array<{ amount: bigint; unlocksAt: number }>;
  score: number;
  tier: string;
  agreed: number;
  disagreed: number;
  labelRewards: bigint;
  labelsPaid: number;
  slashed: bigint;
  openClaims: number;
}

function openTask(summary: Codec): OpenTask {
  return {
    id: summary.id.toNumber(),
    requester: summary.terms.requester.toString(),
    manifest: summary.manifest.toU8a(true),
    itemCount: summary.terms.itemCount.toNumber(),
    classCount: summary.terms.classCount.toNumber(),
    rewardPerLabel: summary.terms.rewardPerLabel.toBigInt(),
    deadline: summary.terms.deadline.toNumber(),
    minTier: summary.terms.minTier.type,
    minStake: summary.terms.minStake.toBigInt(),
    assignment: summary.terms.assignment.type,
    domain: summary.terms.domain.toNumber(),
    progress: Object.fromEntries(Object.entries(summary.progress.toJSON() as Record<string, number>)),
  };
}

/** The runtime API's pages (`{ …, next }`) from 0 on, as long as `take` wants more and a `next` is given. */
export async function followPages(read: (start: number) => Promise<Codec | undefined>, take: (page: Codec) => boolean): Promise<void> {
  let start: number | null = 0;
  while (start !== null) {
    const page = await read(start);
    if (page === undefined || !take(page)) return;
    start = page.next.isSome ? page.next.unwrap().toNumber() : null;
  }
}

/** Every task taking work now, a page at a time. */
export async function openTasks(api: ApiPromise): Promise<OpenTask[]> {
  const tasks: OpenTask[] = [];
  await followPages((start) => api.call.labelingApi.openTasks(start, 100, null), (page) => {
    tasks.push(...page.tasks.map(openTask));
    return true;
  });
  return tasks;
}

export async function task(api: ApiPromise, id: number): Promise<OpenTask | undefined> {
  const summary: Codec = await api.call.labelingApi.task(id);
  return summary.isSome ? openTask(summary.unwrap()) : undefined;
}

/** Items `who` may label now on `task` (from the first page with any), or why none: the chain's error name. */
export async function claimableItems(api: ApiPromise, who: string, taskId: number): Promise<{ items: number[] } | { reason: string }> {
  let answer: { items: number[] } | { reason: string } = { items: [] };
  await followPages(async (start) => {
    const result: Codec = await api.call.labelingApi.claimableItems(who, taskId, start, 100);
    if (result.isErr) answer = { reason: result.asErr.type };
    return result.isErr ? undefined : result.asOk;
  }, (page) => {
    answer = { items: page.items.map((item: Codec) => item.toNumber()) };
    return answer.items.length === 0;
  });
  return answer;
}

/** What a reason for not taking work means to the annotator. */
export function reasonText(reason: string): string {
  switch (reason) {
    case 'InsufficientStake': return 'your bonded stake is below this task\'s minimum: bond more';
    case 'TierTooLow': return 'your reputation tier is below this task\'s minimum';
    case 'TooManyOpenClaims': return 'you hold the most open claims allowed: commit or let some expire first';
    case 'TaskNotAcceptingWork': return 'the task takes no more work';
    default: return reason;
  }
}

function place(value: Codec): Place {
  return value.isClaimed
    ? { claimed: value.asClaimed.expiresAt.toNumber() }
    : { committed: true, revealed: value.asCommitted.revealed.isSome };
}

function phase(value: Codec): Phase {
  return value.isRevealing ? { type: 'Revealing', endsAt: value.asRevealing.endsAt.toNumber() } : { type: value.type };
}

/** Every item of `task` on which `who` holds a claim or an unsettled commit. */
export async function annotatorWork(api: ApiPromise, who: string, taskId: number): Promise<WorkItem[]> {
  const work: WorkItem[] = [];
  await followPages(async (start) => {
    const result: Codec = await api.call.labelingApi.annotatorWork(who, taskId, start, 100);
    return result.isErr ? undefined : result.asOk;
  }, (page) => {
    work.push(...page.items.map((entry: Codec) => ({
      item: entry.item.toNumber(),
      place: place(entry.place),
      phase: phase(entry.phase),
    })));
    return true;
  });
  return work;
}

/** Whether an item still takes commits (so a label kept for it may yet be committed). */
export async function itemTakesCommits(api: ApiPromise, taskId: number, item: number): Promise<boolean> {
  const result: Codec = await api.call.labelingApi.item(taskId, item);
  if (result.isErr) return false;
  const summary = result.asOk;
  return summary.isUntouched || (summary.isInProgress && summary.asInProgress.phase.isLabeling);
}

export async function annotator(api: ApiPromise, who: string, domain = 0): Promise<AnnotatorView> {
  const view: Codec = await api.call.labelingApi.annotator(who, domain);
  return {
    bonded: view.stake.bonded.toBigInt(),
    locked: view.stake.locked.toBigInt(),
    withdrawable: view.stake.withdrawable.toBigInt(),
    minimum: view.stake.minimum.toBigInt(),
    unbonding: view.stake.unbonding.map((chunk: Codec) => ({
      amount: chunk.amount.toBigInt(),
      unlocksAt: chunk.unlocksAt.toNumber(),
    })),
    score: view.reputation.score.toNumber() / 1e9,
    tier: view.reputation.tier.type,
    agreed: view.reputation.agreed.toNumber(),
    disagreed: view.reputation.disagreed.toNumber(),
    labelRewards: view.earnings.labelRewards.toBigInt(),
    labelsPaid: view.earnings.labelsPaid.toNumber(),
    slashed: view.earnings.slashed.toBigInt(),
    openClaims: view.openClaims.toNumber(),
  };
}

/** The best block's number: windows are judged against the next one. */
export async function bestBlock(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}
