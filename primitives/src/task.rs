//! A labeling task as every part of the chain sees it: its number, its terms
//! and where it is in its life. `pallet-tasks` stores the record; the voting
//! pallet reads it through `TaskInspect`; clients through the runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

use crate::reputation::Tier;

/// A task's number, given in creation order from 0.
pub type TaskId = u32;

/// An item's position in its task's manifest, from 0.
pub type ItemIndex = u32;

/// A task domain (for example "medical images"), chosen by the requester;
/// reputation is kept per domain, and earned in one only (0 is the domain of
/// tasks that name none).
pub type DomainId = u32;

/// How annotators get items.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum AssignmentMode {
	/// The chain picks the item (no cherry-picking easy items).
	Assigned,
	/// The annotator names the item: small expert tasks, and replays of data sets
	/// whose worker-item pairs are fixed.
	Open,
}

/// Where a task is in its life: `Open → Closed` or `Open → Cancelled → Closed`.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum TaskStatus {
	/// Takes claims and labels until its deadline.
	Open,
	/// Takes no new claims; items already committed still settle and are paid.
	Cancelled,
	/// Refunded and finished; kept as the record of the labeled data set.
	Closed,
}

/// A task's terms: who asked, where the task is in its life, and what it
/// asks of annotators. The one record of them: the task record embeds it, the
/// voting pallet reads it, the runtime API returns it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
	feature = "serde",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: serde::Serialize, Balance: alloc::string::ToString, BlockNumber: serde::Serialize",
			deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr, \
				BlockNumber: serde::Deserialize<'de>"
		)
	)
)]
pub struct TaskTerms<AccountId, Balance, BlockNumber> {
	pub requester: AccountId,
	/// How many items the manifest lists.
	pub item_count: u32,
	/// How many label classes (K); labels are `0..K`.
	pub class_count: u16,
	/// How many annotators label each item at first (`r_min`): the
	/// first round of every item.
	pub min_redundancy: u8,
	/// The most annotators an item may have (`r_max`): an item the crowd is
	/// not yet sure of asks for one more at a time up to this; the budget
	/// holds this many labels an item, and what is not used comes back at
	/// close.
	pub max_redundancy: u8,
	/// How sure the crowd must be to accept a label without an expert: the
	/// least posterior probability of the winning label.
	pub target_accuracy: Perbill,
	/// Paid for each accepted label.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub reward_per_label: Balance,
	/// The last block that takes claims and commits.
	pub deadline: BlockNumber,
	/// The lowest reputation tier admitted.
	pub min_tier: Tier,
	/// The least bonded stake admitted (on top of the global minimum).
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_amount"))]
	pub min_stake: Balance,
	/// Whether the chain or the annotator picks items.
	pub assignment: AssignmentMode,
	/// The reputation domain the task's labels count towards.
	pub domain: DomainId,
	pub status: TaskStatus,
}

impl<AccountId, Balance, BlockNumber: PartialOrd> TaskTerms<AccountId, Balance, BlockNumber> {
	/// Whether the task takes new claims and commits at block `now`: open, and
	/// its deadline not passed.
	pub fn accepts_work(&self, now: BlockNumber) -> bool {
		self.status == TaskStatus::Open && now <= self.deadline
	}

	/// How many places an item taking labels has, with `commits` commits:
	/// `r_min` in its first round; once a tally asked for more, one beyond
	/// the commits it has (a round of one), never more than `r_max`.
	pub fn places_wanted(&self, commits: u32) -> u32 {
		u32::from(self.min_redundancy)
			.max(commits.saturating_add(1))
			.min(u32::from(self.max_redundancy))
	}

	/// Whether an item with `commits` commits has the labels its round asks
	/// for, so that its reveal opens: at least `r_min` (a round after the
	/// first is one commit, so any commit then completes it).
	pub fn round_complete(&self, commits: u32) -> bool {
		commits >= u32::from(self.min_redundancy)
	}

	/// Whether a tallied item the crowd is not sure of may ask for another
	/// label: it has fewer than `r_max`, and the task still takes work.
	pub fn may_ask_more(&self, commits: u32, now: BlockNumber) -> bool {
		commits < u32::from(self.max_redundancy) && self.accepts_work(now)
	}
}

/// One hidden gold answer of a task: its commitment
/// `blake2_256(SCALE(item, answer, salt))`, and the item it was revealed
/// for once the requester revealed it. Kept by `pallet-tasks` while the task
/// lives, removed after it closes.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct GoldCommitment {
	pub hash: sp_core::H256,
	pub revealed_for: Option<ItemIndex>,
}
