//! How the labeling pallets call each other. Each trait is implemented by one
//! pallet and wired in the runtime, so every pallet can be tested with mocks of
//! the others.

use sp_runtime::{DispatchError, DispatchResult};

use crate::{task::{DomainId, GoldCommitment, ItemIndex, TaskId, TaskTerms}, reputation::{LabelOutcome, Tier}};

/// Reads tasks (implemented by `pallet-tasks`).
pub trait TaskInspect<AccountId, Balance, BlockNumber> {
	/// The terms of `task`, or `None` if there is no such task.
	fn terms(task: TaskId) -> Option<TaskTerms<AccountId, Balance, BlockNumber>>;

	/// The most annotators a task may ask for per item.
	fn max_redundancy() -> u32;

	/// The requester's hidden gold commitment at `index`, and the item it
	/// was revealed for, if any (none once a closed task's are pruned).
	fn gold_commitment(task: TaskId, index: u32) -> Option<GoldCommitment>;
}

/// Tells a task how many of its items are being labeled and how many are done,
/// so it knows when it may close (implemented by `pallet-tasks`).
pub trait TaskProgress {
	/// `count` items got their first commit: they must settle before the task
	/// closes.
	fn items_started(task: TaskId, count: u32) -> DispatchResult;

	/// `count` items settled: their payments are done.
	fn items_settled(task: TaskId, count: u32) -> DispatchResult;
}

/// Pays out of a task's escrow hold (implemented by `pallet-tasks`). Nothing is
/// minted: every payment moves held funds of the requester.
pub trait TaskEscrow<AccountId, Balance> {
	/// Pays `annotator` the task's reward for `labels` accepted labels, in one
	/// transfer. Fails if that would pay more than `item_count × redundancy`
	/// rewards in all. Returns the amount paid.
	fn pay_labels(task: TaskId, annotator: &AccountId, labels: u32) -> Result<Balance, DispatchError>;

	/// Pays the treasury the protocol fee of every label reward paid so far
	/// and not yet charged: once per settling call, so that the treasury's
	/// account is written once, not once per annotator. Returns the amount.
	fn pay_owed_fees(task: TaskId) -> Result<Balance, DispatchError>;

	/// Pays `expert` out of the task's dispute budget.
	fn pay_expert(task: TaskId, expert: &AccountId, amount: Balance) -> DispatchResult;

	/// Whether the task's dispute budget can still pay `fee` to an expert.
	fn can_pay_expert(task: TaskId, fee: Balance) -> bool;

	/// Records that the task's gold commitment `index` was revealed for
	/// `item`: its bond goes back to the requester at close unless forfeited
	/// before. Fails if it was revealed already.
	fn gold_revealed(task: TaskId, index: u32, item: ItemIndex) -> DispatchResult;

	/// Forfeits the bond of one revealed gold answer (overturned on appeal,
	/// or a second answer for its item), shared equally by `recipients`;
	/// with none, or what one cannot receive, to the treasury. Returns who
	/// was paid what.
	fn forfeit_gold_bond(
		task: TaskId,
		recipients: &[AccountId],
	) -> Result<alloc::vec::Vec<(AccountId, Balance)>, DispatchError>;

	/// Gives the rewards of `labels` funded labels back to the requester (the
	/// label budget of an item nobody will be paid for) and stops funding
	/// them. Returns the amount refunded.
	fn refund_labels(task: TaskId, labels: u32) -> Result<Balance, DispatchError>;
}

/// Whether an annotator's stake qualifies them (implemented by
/// `pallet-annotator-stake`).
pub trait StakeEligibility<AccountId, Balance> {
	/// Whether `who` has bonded at least the global minimum and `task_minimum`.
	fn may_take_task(who: &AccountId, task_minimum: Balance) -> bool;
}

/// Keeps stake that backs open claims from being unbonded (implemented by
/// `pallet-annotator-stake`).
pub trait StakeLock<AccountId, Balance> {
	/// Marks `amount` more of `who`'s bonded stake as backing a claim. Fails if
	/// that much bonded stake is not free of other claims.
	fn lock(who: &AccountId, amount: Balance) -> DispatchResult;

	/// Frees up to `amount` of locked stake when a claim settles or expires.
	fn unlock(who: &AccountId, amount: Balance);

	/// Every account with locked stake, and how much: for invariant checks
	/// (it reads every ledger).
	fn all_locked() -> alloc::vec::Vec<(AccountId, Balance)>;
}

/// Takes stake from a cheater (implemented by `pallet-annotator-stake`).
pub trait StakeSlash<AccountId, Balance> {
	/// Moves up to `amount` of `who`'s stake, bonded first and then unbonding, to
	/// `beneficiary` as free balance. Returns how much moved; never burns.
	fn slash(who: &AccountId, amount: Balance, beneficiary: &AccountId) -> Balance;
}

/// An annotator's standing (implemented by `pallet-reputation`).
pub trait ReputationInspect<AccountId> {
	/// The tier `who` has reached in `domain`.
	fn tier(who: &AccountId, domain: DomainId) -> Tier;

	/// `who`'s vote weight in `domain` on a task with `class_count` classes:
	/// the clipped log-odds of their accuracy, in fixed point. The prior of
	/// their model on a new task.
	fn vote_weight(who: &AccountId, domain: DomainId, class_count: u16) -> sp_arithmetic::FixedU128;

	/// How many ordinary labels a gold answer counts as.
	fn gold_weight() -> u32;
}

/// Records how labels turned out (implemented by `pallet-reputation`).
pub trait ReputationRecorder<AccountId> {
	/// Counts `outcome` for `who` in `domain`, and no other.
	fn record(who: &AccountId, domain: DomainId, outcome: LabelOutcome) {
		Self::record_all(who, domain, &[outcome]);
	}

	/// Counts each of `outcomes` in order for `who` in `domain`, reading and
	/// writing its record once.
	fn record_all(who: &AccountId, domain: DomainId, outcomes: &[LabelOutcome]);

	/// Takes back an `outcome` counted for `who` in `domain` that proved
	/// wrong (a gold answer an expert overturned).
	fn withdraw(who: &AccountId, domain: DomainId, outcome: LabelOutcome);
}

/// A task's working storage kept by another pallet (the voting pallet's
/// annotator models and class prior), removed a bounded step at a time once
/// the task closes (implemented by `pallet-label-voting`).
pub trait TaskWorkingStorage {
	/// Removes up to `limit` entries of `task`'s working storage; returns
	/// whether none remain.
	fn prune(task: TaskId, limit: u32) -> bool;

	/// Whether `task` has no working storage.
	fn is_pruned(task: TaskId) -> bool;

	/// Stores `entries` of the largest working storage for `task`, for the
	/// pruning benchmark.
	#[cfg(feature = "runtime-benchmarks")]
	fn fill_for_benchmark(task: TaskId, entries: u32);
}

/// No working storage elsewhere (a tasks pallet tested by itself).
impl TaskWorkingStorage for () {
	fn prune(_: TaskId, _: u32) -> bool {
		true
	}

	fn is_pruned(_: TaskId) -> bool {
		true
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn fill_for_benchmark(_: TaskId, _: u32) {}
}
