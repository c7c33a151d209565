//! An item's life between its first claim and its settlement, and the compact
//! record it keeps afterwards. The voting pallet stores these; clients read
//! them through the runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// A label: a class index in `0..class_count`.
pub type Label = u16;

/// Where an item is between its first claim and its settlement.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum ItemPhase<AccountId, BlockNumber> {
	/// Taking claims and commits.
	Labeling,
	/// Commits are closed; reveals are taken until `ends_at`.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Revealing { ends_at: BlockNumber },
	/// The crowd could not settle it: a tie, a weak winner, too few agreeing, or
	/// no reveal at all. It waits for an expert.
	Disputed,
	/// The crowd accepted `label`; until `appeal_ends_at` an annotator of the
	/// item or the requester may appeal, and the requester may reveal gold.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Accepted { label: Label, agreement: Perbill, appeal_ends_at: BlockNumber },
	/// `appellant` appealed the crowd's `label` with a bond; an expert decides.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Appealed { label: Label, agreement: Perbill, appellant: AccountId },
}

/// How an item's final label was decided.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Decision {
	/// The reputation-weighted vote reached the task's threshold.
	Crowd,
	/// An expert settled a disputed item, or upheld an appeal.
	Expert,
	/// The requester revealed the item's gold answer.
	Gold,
}

/// What a settled item keeps for export: label (2 bytes), decision (1),
/// agreement (4) and the block it settled in (4 for a `u32` block number),
/// 11 bytes in all. The annotators and their labels are in that block's
/// `ItemSettled` event, not in storage.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SettledItem<BlockNumber> {
	pub label: Label,
	pub decided_by: Decision,
	/// The final label's share of the revealed vote weight.
	pub agreement: Perbill,
	pub settled_at: BlockNumber,
}
