//! The labeling runtime API: everything a client reads about tasks, items and
//! annotators, without knowing how the pallets store it. The node serves the
//! same calls as `labeling_*` JSON-RPC methods; Polkadot.js reaches them as
//! `api.call.labelingApi.*`, decoded from the runtime's metadata.
//!
//! Amounts are in the smallest unit and appear in JSON as decimal strings.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

use crate::{
	item_lifecycle::{ItemPhase, Label, SettledItem},
	reputation::Tier,
	task::{DomainId, GoldCommitment, ItemIndex, TaskId, TaskTerms},
	totals::TaskQuality,
	AccountId, Balance, BlockNumber,
};

/// The most entries one page of tasks or items returns.
pub const MAX_PAGE: u32 = 100;

/// The most items one `claimable_items` or `finalizable_items` call looks at
/// before it returns a shorter page, so that a call on a large, busy task
/// stays quick.
pub const MAX_ITEMS_SCANNED: u32 = 10_000;

/// A task: its terms, its money and where its items are.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TaskSummary {
	pub id: TaskId,
	/// The task's terms as the chain keeps them (their fields sit at the top
	/// level in JSON).
	#[cfg_attr(feature = "serde", serde(flatten))]
	pub terms: TaskTerms<AccountId, Balance, BlockNumber>,
	/// Binary CIDv1 of the manifest (hex in JSON).
	#[cfg_attr(feature = "serde", serde(with = "sp_core::bytes"))]
	pub manifest: Vec<u8>,
	pub gold_count: u32,
	pub created_at: BlockNumber,
	/// Whether the task takes claims and commits in the next block (where a
	/// transaction sent now lands): the tasks' own rule, so clients need no
	/// copy of it.
	pub accepts_work: bool,
	pub escrow: EscrowSummary,
	pub progress: ItemCounts,
	/// The next block in which the chain moves the task on by itself: the
	/// earliest agenda entry of its items in progress (a window, claim or
	/// expert timeout runs out), looked for among the first
	/// [`MAX_ITEMS_SCANNED`] of them (among the first [`MAX_PAGE`] in a page of
	/// `open_tasks`), or, with none, the block after its deadline (when it
	/// closes if nothing is in flight). `None` once closed. (`progress` comes
	/// from counters the chain keeps, whatever the task's size.)
	pub next_step_at: Option<BlockNumber>,
}

/// A task's money.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct EscrowSummary {
	/// Everything ever put into escrow: labels plus dispute budget.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub budget: Balance,
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub paid_to_annotators: Balance,
	pub labels_paid: u32,
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub paid_to_experts: Balance,
	/// The protocol fee paid to the treasury with each label reward.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub fee_per_label: Balance,
	/// Protocol fees paid so far.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub fees_paid: Balance,
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub refunded: Balance,
	/// What is still held: the budget left.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub held: Balance,
	/// What experts may still be paid.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub dispute_budget_left: Balance,
	/// Each gold commitment's bond.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub gold_bond: Balance,
	/// Gold bonds still held (apart from `held`): those not yet returned or
	/// forfeited.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub gold_bonds_held: Balance,
	/// The storage deposit still held (apart from `held`): zero once the
	/// closed task's working storage is removed.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub storage_deposit_held: Balance,
}

/// What a task would put in escrow, before it is created: the price
/// `create_task` holds.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct BudgetSummary {
	/// The protocol fee on each label reward (paid to the treasury on top).
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub fee_per_label: Balance,
	/// Every label's reward and fee.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub labels: Balance,
	/// Each gold commitment's bond: returned at close if its answer stood,
	/// forfeited if it was overturned, a second answer, or never revealed.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub gold_bond: Balance,
	/// Every gold commitment's bond.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub gold_bonds: Balance,
	/// Held for the task's working storage (the task and each gold
	/// commitment), returned once the closed task's storage is removed.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub storage_deposit: Balance,
	/// The labels, the dispute budget, the gold bonds and the storage
	/// deposit: what is held.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub total: Balance,
}

/// How many of a task's items are in each phase. They add up to the item count.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ItemCounts {
	/// Nobody has claimed them yet.
	pub untouched: u32,
	/// Claimed or committed, taking commits.
	pub labeling: u32,
	/// Taking reveals.
	pub revealing: u32,
	/// Waiting for an expert.
	pub disputed: u32,
	/// Accepted by the crowd, in their appeal window.
	pub accepted: u32,
	/// Appealed, waiting for an expert.
	pub appealed: u32,
	pub settled: u32,
}

/// The whole chain's labeling at one block: what an operator watches (the
/// node exports it as Prometheus metrics). (Since version 10.)
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ChainActivity {
	/// Tasks open: taking work, or past their deadline with items in flight.
	pub open_tasks: u32,
	/// Tasks cancelled whose committed items are still settling.
	pub cancelled_tasks: u32,
	/// Items in progress over all tasks, by phase (`untouched` and
	/// `settled` are not counted chain-wide: 0).
	pub items: ItemCounts,
	/// Items waiting for an expert: disputed or appealed.
	pub waiting_for_experts: u32,
	/// How many blocks the items' agenda (windows, claims and expert
	/// timeouts running out) is behind: 0 when caught up.
	pub item_agenda_backlog: BlockNumber,
	/// How many blocks the tasks' deadline agenda is behind: 0 when caught up.
	pub deadline_agenda_backlog: BlockNumber,
	/// Whether a multi-block storage migration is running: until it ends
	/// the chain takes no transactions and both agendas wait.
	pub migrating: bool,
	/// What this block did.
	pub block: BlockActivity,
}

/// What one block did to labels and items, from its events.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct BlockActivity {
	/// Labels revealed, one at a time or in batches.
	pub labels_revealed: u32,
	/// Items settled, by the crowd, an expert or gold.
	pub items_settled: u32,
	/// The votes those settled items were decided with.
	pub labels_settled: u32,
}

/// One page of tasks, in id order; `next` is where the following page starts.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TaskPage {
	pub tasks: Vec<TaskSummary>,
	pub next: Option<TaskId>,
}

/// One item of a task.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum ItemSummary {
	/// Nobody has claimed it yet.
	Untouched,
	/// Being labeled, tallied or appealed.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	InProgress {
		phase: ItemPhase<AccountId, BlockNumber>,
		claims: Vec<ClaimSummary>,
		commits: Vec<CommitSummary>,
		/// The block in which the chain next looks at the item by itself (its
		/// agenda entry): a window, a claim or an expert's time runs out then,
		/// or the agenda finds the task's deadline moved. Later if that block's
		/// agenda is full.
		next_step_at: BlockNumber,
	},
	/// Its final record.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Settled { record: SettledItem<BlockNumber> },
}

/// Whether the requester may reveal an item's gold answer: the voting
/// pallet's own rule (`reveal_gold`), so that a client asks rather than
/// re-deriving it from the item's phase.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum GoldRevealState {
	/// `reveal_gold` takes the answer now: every label committed on the
	/// item is revealed and tallied (accepted, disputed or appealed), or a
	/// tally asked for more labels and none is committed yet.
	Now,
	/// Not yet: the item is untouched while its task takes work, or a
	/// committed label is still sealed, whose reveal the answer would give
	/// away.
	Later,
	/// A gold answer is already the item's label: revealing another
	/// forfeits its bond to the item's annotators.
	Revealed,
	/// The item settled: too late; an unrevealed commitment forfeits its
	/// bond at close.
	Settled,
	/// Nobody labeled the item and its task takes no more work: it never
	/// will be revealable.
	Never,
}

/// One label of an item's running tally: how many revealed it, and its
/// share of the revealed vote weight under the revealers' reputations now
/// (rounded down, so the shares may add up to a little under one). At the
/// tally this is the figure the agreement threshold is compared with; later
/// it follows reputations as they change.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct LabelTally {
	pub label: Label,
	/// Annotators who revealed this label.
	pub annotators: u32,
	pub share: Perbill,
}

/// A live claim on an item.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ClaimSummary {
	pub annotator: AccountId,
	pub expires_at: BlockNumber,
}

/// A commit on an item, and its label once revealed.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CommitSummary {
	pub annotator: AccountId,
	pub revealed: Option<Label>,
}

/// An annotator: stake, reputation in one domain, earnings and open claims.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct AnnotatorSummary {
	pub stake: StakeSummary,
	pub reputation: ReputationSummary,
	pub earnings: EarningsSummary,
	/// Claims not yet turned into commits, over all tasks.
	pub open_claims: u32,
}

/// An annotator's stake.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct StakeSummary {
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub bonded: Balance,
	/// The part of `bonded` that backs open claims and commits.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub locked: Balance,
	pub unbonding: Vec<UnbondingSummary>,
	/// Unbonded stake that `withdraw` would free now.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub withdrawable: Balance,
	/// The global minimum stake to claim work.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub minimum: Balance,
}

/// Stake on its way out.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct UnbondingSummary {
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub amount: Balance,
	pub unlocks_at: BlockNumber,
}

/// An annotator's reputation in one domain.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ReputationSummary {
	pub domain: DomainId,
	pub agreed: u32,
	pub disagreed: u32,
	pub gold_correct: u32,
	pub gold_wrong: u32,
	pub unrevealed: u32,
	pub expired_claims: u32,
	/// Posterior mean accuracy.
	pub score: Perbill,
	pub tier: Tier,
}

/// What an account has been paid and has lost, over all tasks.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct EarningsSummary {
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub label_rewards: Balance,
	pub labels_paid: u32,
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub expert_fees: Balance,
	/// Slashed stake and lost appeal bonds.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub slashed: Balance,
}

/// An item an annotator holds a place on, and what they must do next.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct WorkItem {
	pub item: ItemIndex,
	pub place: WorkPlace<BlockNumber>,
	pub phase: ItemPhase<AccountId, BlockNumber>,
}

/// One page of an annotator's work on a task, by item index; `next` is
/// where the following page starts, `None` once the task's items are
/// exhausted.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct WorkPage {
	pub items: Vec<WorkItem>,
	pub next: Option<ItemIndex>,
}

/// An annotator's place on an item.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum WorkPlace<BlockNumber> {
	/// Claimed: commit before `expires_at`.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Claimed { expires_at: BlockNumber },
	/// Committed; `revealed` once the label is revealed.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Committed { revealed: Option<Label> },
}

/// One page of item indices, ascending; `next` is where the following page
/// starts, `None` once the task's items are exhausted.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ItemPage {
	pub items: Vec<ItemIndex>,
	pub next: Option<ItemIndex>,
}

/// Consecutive items of a task, from the page's start, in order; `next` is
/// where the following page starts, `None` once the task's items are
/// exhausted.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ItemSummaryPage {
	pub items: Vec<ItemSummary>,
	pub next: Option<ItemIndex>,
}

/// A task's label quality so far.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct QualitySummary {
	pub counts: TaskQuality,
	/// Revealed labels that matched their item's final label.
	pub agreement_rate: Option<Perbill>,
	/// Labels on gold items that were right.
	pub gold_accuracy: Option<Perbill>,
	/// Tallied items the crowd could not settle.
	pub dispute_rate: Option<Perbill>,
}

impl From<TaskQuality> for QualitySummary {
	fn from(counts: TaskQuality) -> Self {
		Self {
			agreement_rate: counts.agreement_rate(),
			gold_accuracy: counts.gold_accuracy(),
			dispute_rate: counts.dispute_rate(),
			counts,
		}
	}
}

/// Why a labeling API call has no answer, or why an annotator may not claim.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum LabelingApiError {
	/// No task has this id.
	UnknownTask,
	/// The item index is not below the task's item count.
	ItemOutOfRange,
	/// The task is closed, cancelled or past its deadline.
	TaskNotAcceptingWork,
	/// The annotator's bonded stake is below the global or the task's minimum.
	InsufficientStake,
	/// The annotator's reputation tier is below the task's minimum.
	TierTooLow,
	/// The annotator already holds the most open claims allowed.
	TooManyOpenClaims,
	/// The budget asked about does not fit a balance.
	BudgetOverflow,
}

sp_api::decl_runtime_apis! {
	/// Reads about labeling tasks, items and annotators.
	///
	/// Version 2 added `item_tally`; version 3 `finalizable_items` and `items`;
	/// version 4 the `next_step_at` of an item in progress, and the expert
	/// timeouts of disputed and appealed items; version 5 `task_budget`, and
	/// the protocol fee in a task's escrow; version 6 the gold bonds, in
	/// `task_budget` (which takes the gold count) and in a task's escrow;
	/// version 7 pages `annotator_work`, adds `gold_commitment`, and the
	/// storage deposit in `task_budget` and a task's escrow; version 8 a
	/// task's adaptive redundancy (`min_redundancy`, `max_redundancy`) and
	/// its `target_accuracy` in its terms; version 9 `gold_reveal_state`;
	/// version 10 `chain_activity`.
	#[api_version(10)]
	pub trait LabelingApi {
		/// A task with its money and item counts; `None` if no task has this id.
		fn task(task: TaskId) -> Option<TaskSummary>;

		/// Up to `max` (at most [`MAX_PAGE`]) tasks taking work, from id `start`
		/// on; with `annotator`, only those this annotator may claim in now.
		fn open_tasks(start: TaskId, max: u32, annotator: Option<AccountId>) -> TaskPage;

		/// An item's state, or its final record once settled.
		fn item(task: TaskId, item: ItemIndex) -> Result<ItemSummary, LabelingApiError>;

		/// An annotator's stake, reputation in `domain`, earnings and open claims.
		fn annotator(who: AccountId, domain: DomainId) -> AnnotatorSummary;

		/// Up to `max` (at most [`MAX_PAGE`]) items of `task`, from `start`
		/// on, on which `who` holds a claim or an unsettled commit. Looks at
		/// no more than [`MAX_ITEMS_SCANNED`] items, so a page may come back
		/// short with a `next` to go on from. (Since version 7.)
		fn annotator_work(who: AccountId, task: TaskId, start: ItemIndex, max: u32) -> Result<WorkPage, LabelingApiError>;

		/// The items of `task` on which `who` holds a claim or an unsettled
		/// commit, all at once.
		#[changed_in(7)]
		fn annotator_work(who: AccountId, task: TaskId) -> Result<Vec<WorkItem>, LabelingApiError>;

		/// The task's gold commitment at `index` and the item it was
		/// revealed for; `None` if there is none, or once the closed task's
		/// commitments are pruned. (Since version 7.)
		fn gold_commitment(task: TaskId, index: u32) -> Option<GoldCommitment>;

		/// Up to `max` items of `task`, from `start` on, that `who` may claim now,
		/// or why they may claim none. In `Assigned` mode the chain picks among
		/// these.
		fn claimable_items(
			who: AccountId,
			task: TaskId,
			start: ItemIndex,
			max: u32,
		) -> Result<ItemPage, LabelingApiError>;

		/// Whether the requester may reveal `item`'s gold answer now (in the
		/// next block), later, or no more. (Since version 9.)
		fn gold_reveal_state(task: TaskId, item: ItemIndex) -> Result<GoldRevealState, LabelingApiError>;

		/// A task's label quality: agreement, gold accuracy, disputes.
		fn task_quality(task: TaskId) -> Option<QualitySummary>;

		/// The labels revealed so far on an item not yet settled, by label,
		/// each with its share of the revealed vote weight under the
		/// annotators' reputations now (if none has any weight, each counts
		/// once): what an expert weighs when settling a dispute. Empty for an
		/// untouched item, before the first reveal, and once the item is
		/// settled (its record keeps only the final label and agreement).
		fn item_tally(task: TaskId, item: ItemIndex) -> Result<Vec<LabelTally>, LabelingApiError>;

		/// Up to `max` (at most [`MAX_PAGE`]) items of `task`, from `start` on,
		/// that `finalize_item` would move on in the next block (where a
		/// transaction sent now lands at the earliest): a reveal or appeal
		/// window ended, a claim expired, or a reveal due to open. Looks at no
		/// more than [`MAX_ITEMS_SCANNED`] items, so a page may come back short
		/// with a `next` to go on from. The voting pallet's own rule decides.
		fn finalizable_items(task: TaskId, start: ItemIndex, max: u32) -> Result<ItemPage, LabelingApiError>;

		/// Up to `max` (at most [`MAX_PAGE`]) consecutive items of `task` from
		/// `start` on, each as `item` gives it: how exports and replays read a
		/// whole task a page at a time.
		fn items(task: TaskId, start: ItemIndex, max: u32) -> Result<ItemSummaryPage, LabelingApiError>;

		/// What a task of `item_count` items, at most `max_redundancy`
		/// annotators each,
		/// `reward_per_label`, `dispute_budget` and `gold_count` gold
		/// commitments would hold now, protocol fee and gold bonds included:
		/// what a client shows before the requester signs `create_task`.
		fn task_budget(
			item_count: u32,
			max_redundancy: u8,
			reward_per_label: Balance,
			dispute_budget: Balance,
			gold_count: u32,
		) -> Result<BudgetSummary, LabelingApiError>;

		/// The whole chain's labeling at this block: open tasks, items in
		/// progress by phase, those waiting for experts, how far behind the
		/// agendas are, and what the block did. Reads counters the chain
		/// keeps and the block's events: no walk over tasks or items.
		/// (Since version 10.)
		fn chain_activity() -> ChainActivity;
	}
}
