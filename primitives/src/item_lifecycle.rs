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
	/// no reveal at all. It waits for an expert until `times_out_at`; after
	/// that block the chain settles it by the fallback rule (a `Fallback` or
	/// `Unresolved` decision).
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Disputed { times_out_at: BlockNumber },
	/// The crowd accepted `label`, with posterior probability `confidence`;
	/// until `appeal_ends_at` an annotator of the item or the requester may
	/// appeal, and the requester may reveal gold.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Accepted { label: Label, confidence: Perbill, appeal_ends_at: BlockNumber },
	/// `appellant` appealed the crowd's `label` with a bond; an expert decides
	/// until `times_out_at`. After that block the bond is returned and the
	/// crowd's label stands.
	#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
	Appealed { label: Label, confidence: Perbill, appellant: AccountId, times_out_at: BlockNumber },
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
	/// No expert decided the dispute in time; the label with a strict
	/// plurality of vote weight, given by at least two annotators, stands as a
	/// crowd decision that cannot be appealed.
	Fallback,
	/// No expert decided the dispute in time and no label had the fallback's
	/// support: nobody was paid for the item, its label budget went back to
	/// the requester, and `label` means nothing (it is 0).
	Unresolved,
}

/// What a settled item keeps for export: label (2 bytes), decision (1),
/// confidence (4), the block it settled in (4 for a `u32` block number) and
/// the labels it used (1), 12 bytes in all. The annotators and their labels
/// are in that block's `ItemSettled` event, not in storage.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SettledItem<BlockNumber> {
	pub label: Label,
	pub decided_by: Decision,
	/// The final label's posterior probability when it settled (gold's
	/// and an expert's: the crowd's posterior of the label they gave).
	pub confidence: Perbill,
	pub settled_at: BlockNumber,
	/// How many annotators committed a label on the item: under adaptive
	/// redundancy, what it took to settle (0 on an item settled before
	/// storage version 2 of the voting pallet, which did not count them).
	pub labels_used: u8,
}
