//! The per-item records of labeling, and the compact record a settled item keeps.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

use crate::Config;

/// A label: a class index in `0..class_count`.
pub type Label = u16;

/// Where an item is between its first claim and its settlement.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub enum ItemPhase<AccountId, BlockNumber> {
	/// Taking claims and commits.
	Labeling,
	/// Commits are closed; reveals are taken until `ends_at`.
	Revealing { ends_at: BlockNumber },
	/// The crowd could not settle it: a tie, a weak winner, too few agreeing, or
	/// no reveal at all. It waits for an expert.
	Disputed,
	/// The crowd accepted `label`; until `appeal_ends_at` an annotator of the
	/// item or the requester may appeal, and the requester may reveal gold.
	Accepted { label: Label, agreement: Perbill, appeal_ends_at: BlockNumber },
	/// `appellant` appealed the crowd's `label` with a bond; an expert decides.
	Appealed { label: Label, agreement: Perbill, appellant: AccountId },
}

/// An annotator's hold on an item until they commit or it expires.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct Claim<T: Config> {
	pub annotator: T::AccountId,
	pub expires_at: BlockNumberFor<T>,
}

/// An annotator's sealed label, and the label once revealed.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct Commit<T: Config> {
	pub annotator: T::AccountId,
	/// `blake2_256(SCALE((label, salt, annotator)))`.
	pub hash: H256,
	pub revealed: Option<Label>,
}

/// An item being labeled. Removed when it settles; what remains is a
/// [`SettledItem`].
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct ItemState<T: Config> {
	pub phase: ItemPhase<T::AccountId, BlockNumberFor<T>>,
	/// Live claims not yet turned into commits.
	pub claims: BoundedVec<Claim<T>, T::MaxRedundancy>,
	pub commits: BoundedVec<Commit<T>, T::MaxRedundancy>,
	/// Whether a claim on this item ever expired: then the reveal window opens
	/// without waiting for the full redundancy.
	pub had_expired_claim: bool,
}

impl<T: Config> Default for ItemState<T> {
	fn default() -> Self {
		Self {
			phase: ItemPhase::Labeling,
			claims: BoundedVec::new(),
			commits: BoundedVec::new(),
			had_expired_claim: false,
		}
	}
}

impl<T: Config> ItemState<T> {
	/// Claims and commits together: the places taken on this item.
	pub fn places_taken(&self) -> u32 {
		(self.claims.len() as u32).saturating_add(self.commits.len() as u32)
	}

	/// Whether `who` already claimed or committed on this item.
	pub fn involves(&self, who: &T::AccountId) -> bool {
		self.claims.iter().any(|claim| &claim.annotator == who) ||
			self.commits.iter().any(|commit| &commit.annotator == who)
	}
}

/// How an item's final label was decided.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Decision {
	/// The reputation-weighted vote reached the task's threshold.
	Crowd,
	/// An expert settled a disputed item, or upheld an appeal.
	Expert,
	/// The requester revealed the item's gold answer.
	Gold,
}

/// What a settled item keeps for export: label (2 bytes), decision (1) and
/// agreement (4), 7 bytes in all.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct SettledItem {
	pub label: Label,
	pub decided_by: Decision,
	/// The winning label's share of the revealed vote weight.
	pub agreement: Perbill,
}
