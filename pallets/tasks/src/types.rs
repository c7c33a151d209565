//! The records this pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	BoundedVec, CloneNoBound, EqNoBound, PartialEqNoBound, DebugNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use labelchain_primitives::{task::{AssignmentMode, DomainId, TaskStatus, TaskTerms}, reputation::Tier};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

use crate::{BalanceOf, Config};

/// What a requester asks for when creating a task. Polkadot.js shows it as one
/// struct argument of `create_task`.
#[derive(
	CloneNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	EqNoBound,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct TaskSpec<T: Config> {
	/// Binary CIDv1 of the manifest: the items' CIDs in order, the class names
	/// and the instructions.
	pub manifest: BoundedVec<u8, T::MaxCidLength>,
	/// How many items the manifest lists.
	pub item_count: u32,
	/// How many label classes (K); labels are `0..K`.
	pub class_count: u16,
	/// How many annotators label each item at first (`r_min`).
	pub min_redundancy: u8,
	/// The most annotators an item may have (`r_max`), asked for one at a
	/// time while the crowd is not sure; the budget holds this many labels
	/// an item, and what is not used comes back at close.
	pub max_redundancy: u8,
	/// How sure the crowd must be to accept a label without an expert: the
	/// least posterior probability of the winning label.
	pub target_accuracy: Perbill,
	/// Paid for each accepted label.
	pub reward_per_label: BalanceOf<T>,
	/// Pays experts who settle disputed items and appeals.
	pub dispute_budget: BalanceOf<T>,
	/// The last block that takes claims and commits.
	pub deadline: BlockNumberFor<T>,
	/// The lowest reputation tier admitted.
	pub min_tier: Tier,
	/// The least bonded stake admitted (on top of the global minimum).
	pub min_stake: BalanceOf<T>,
	/// Whether the chain or the annotator picks items.
	pub assignment: AssignmentMode,
	/// The reputation domain the task's labels count towards.
	pub domain: DomainId,
	/// Hidden gold answers: `blake2_256(SCALE(item, answer, salt))` each.
	pub gold_commitments: BoundedVec<H256, T::MaxGoldItems>,
}

/// The money of one task. Everything not yet paid or refunded is held from the
/// requester under [`crate::HoldReason::TaskEscrow`].
#[derive(
	Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct Escrow<Balance> {
	/// `item_count × max_redundancy × (reward_per_label + fee_per_label)`, fixed
	/// at creation.
	pub label_budget: Balance,
	/// The protocol fee paid to the treasury with each label reward, fixed
	/// at creation (`ProtocolFee` of the reward, rounded up).
	pub fee_per_label: Balance,
	/// Protocol fees paid to the treasury.
	pub fees_paid: Balance,
	/// The dispute budget, including top-ups.
	pub dispute_budget: Balance,
	/// Paid to annotators for accepted labels.
	pub paid_to_annotators: Balance,
	/// How many label rewards were paid.
	pub labels_paid: u32,
	/// How many label rewards went back to the requester unpaid (the labels
	/// of items that ended unresolved): no longer funded.
	pub labels_refunded: u32,
	/// Paid to experts out of the dispute budget.
	pub paid_to_experts: Balance,
	/// Given back to the requester.
	pub refunded: Balance,
}

impl<Balance: Saturating + Copy + Zero> Escrow<Balance> {
	/// Everything ever put into escrow.
	pub fn budget(&self) -> Balance {
		self.label_budget.saturating_add(self.dispute_budget)
	}

	/// What is still held: budget minus paid (rewards, fees, experts) minus
	/// refunded.
	pub fn held(&self) -> Balance {
		self.budget()
			.saturating_sub(self.paid_to_annotators)
			.saturating_sub(self.fees_paid)
			.saturating_sub(self.paid_to_experts)
			.saturating_sub(self.refunded)
	}

	/// Fees of rewards paid that the treasury has not had yet.
	pub fn fees_owed(&self) -> Balance
	where
		Balance: From<u32>,
	{
		self.fee_per_label.saturating_mul(Balance::from(self.labels_paid)).saturating_sub(self.fees_paid)
	}

	/// What experts may still be paid.
	pub fn dispute_budget_left(&self) -> Balance {
		self.dispute_budget.saturating_sub(self.paid_to_experts)
	}
}

/// The bonds behind a task's gold commitments, held from the requester
/// under [`crate::HoldReason::GoldBond`] apart from the escrow: each
/// commitment's bond is returned at close once its answer stood, and
/// forfeited if the answer was overturned on appeal, was a second answer
/// for an item, or was never revealed.
#[derive(
	Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct GoldBonds<Balance> {
	/// Each commitment's bond: `max_redundancy × GoldBondPerLabel`, enough to
	/// cover the gold slashes one false answer can cause, fixed at creation.
	pub per_commitment: Balance,
	/// Commitments revealed.
	pub revealed: u32,
	/// Bonds forfeited (to annotators, or to the treasury).
	pub forfeited: u32,
	/// Bonds returned to the requester (at close).
	pub returned: u32,
}

impl<Balance: Saturating + Copy + From<u32>> GoldBonds<Balance> {
	/// The bonds still held, of a task with `count` commitments.
	pub fn held(&self, count: u32) -> Balance {
		let pending = count.saturating_sub(self.forfeited).saturating_sub(self.returned);
		self.per_commitment.saturating_mul(Balance::from(pending))
	}
}

/// What a task puts in escrow and in gold bonds, before it is created
/// (`Pallet::budget_of`).
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct BudgetQuote<Balance> {
	/// The protocol fee on each label reward.
	pub fee_per_label: Balance,
	/// Every label's reward and fee: `item_count × max_redundancy ×
	/// (reward_per_label + fee_per_label)`.
	pub labels: Balance,
	/// The bond of each gold commitment.
	pub gold_bond: Balance,
	/// Every gold commitment's bond, held apart and returned at close for
	/// each answer that stood.
	pub gold_bonds: Balance,
	/// `TaskDeposit` plus `GoldDeposit` per commitment, held until the
	/// closed task's working storage is removed.
	pub storage_deposit: Balance,
	/// `labels` plus the dispute budget, the gold bonds and the storage
	/// deposit: what is held.
	pub total: Balance,
}

/// A task's terms as the chain keeps them.
pub type TermsOf<T> = TaskTerms<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A task: its terms (who asked, its status, what it asks of annotators),
/// its manifest, its money and its item counts.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct TaskInfo<T: Config> {
	pub terms: TermsOf<T>,
	pub manifest: BoundedVec<u8, T::MaxCidLength>,
	/// How many gold commitments the task has (stored in `GoldCommitments`).
	pub gold_count: u32,
	pub escrow: Escrow<BalanceOf<T>>,
	pub gold_bonds: GoldBonds<BalanceOf<T>>,
	/// The storage deposit still held under
	/// [`crate::HoldReason::StorageDeposit`]: zero once the closed task's
	/// working storage is gone.
	pub storage_deposit: BalanceOf<T>,
	/// Items with at least one commit that have not settled yet.
	pub items_in_flight: u32,
	/// Items settled and paid.
	pub items_settled: u32,
	pub created_at: BlockNumberFor<T>,
}

impl<T: Config> TaskSpec<T> {
	/// The terms of the task this spec creates for `requester`: open, as
	/// asked. The one place a spec's fields become a task's terms.
	pub fn terms_for(&self, requester: T::AccountId) -> TermsOf<T> {
		TaskTerms {
			requester,
			item_count: self.item_count,
			class_count: self.class_count,
			min_redundancy: self.min_redundancy,
			max_redundancy: self.max_redundancy,
			target_accuracy: self.target_accuracy,
			reward_per_label: self.reward_per_label,
			deadline: self.deadline,
			min_tier: self.min_tier,
			min_stake: self.min_stake,
			assignment: self.assignment,
			domain: self.domain,
			status: TaskStatus::Open,
		}
	}
}

impl<T: Config> TaskInfo<T> {
	/// How many label rewards the task still funds: `item_count ×
	/// max_redundancy`, less those refunded.
	pub fn labels_funded(&self) -> u32 {
		self.terms
			.item_count
			.saturating_mul(self.terms.max_redundancy.into())
			.saturating_sub(self.escrow.labels_refunded)
	}

	/// Whether the task may close now: nothing in flight, and every item settled,
	/// or the task cancelled, or its deadline passed.
	pub fn may_close(&self, now: BlockNumberFor<T>) -> bool {
		self.items_in_flight == 0 &&
			(self.items_settled >= self.terms.item_count ||
				self.terms.status == TaskStatus::Cancelled ||
				now > self.terms.deadline)
	}
}

/// How many tasks are open (taking work, or past their deadline with items
/// still in flight) and how many cancelled (their committed items still
/// settling). Closed tasks are not counted: every task below `NextTaskId`
/// that is neither is closed.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, Default, TypeInfo, MaxEncodedLen)]
pub struct StatusCounts {
	pub open: u32,
	pub cancelled: u32,
}

impl StatusCounts {
	fn count_of(&mut self, status: TaskStatus) -> Option<&mut u32> {
		match status {
			TaskStatus::Open => Some(&mut self.open),
			TaskStatus::Cancelled => Some(&mut self.cancelled),
			TaskStatus::Closed => None,
		}
	}

	/// Counts a task moving from `from` (`None`: new) to `to`.
	pub fn shift(&mut self, from: Option<TaskStatus>, to: TaskStatus) {
		if let Some(count) = from.and_then(|from| self.count_of(from)) {
			*count = count.saturating_sub(1);
		}
		if let Some(count) = self.count_of(to) {
			*count = count.saturating_add(1);
		}
	}
}
