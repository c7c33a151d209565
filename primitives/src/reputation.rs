//! What reputation counts and what it earns: an annotator's tier, and how each
//! label turned out.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Reputation tiers, lowest first. A task admits annotators at or above its
/// minimum tier.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Default,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Tier {
	/// No track record yet; qualifies on gold-heavy or open tasks.
	#[default]
	Newcomer,
	/// Enough agreeing labels at a fair accuracy.
	Qualified,
	/// A long record at high accuracy.
	Trusted,
	/// The best record; may also be chosen for the expert set.
	Expert,
}

/// How one of an annotator's labels turned out, as reputation counts it.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum LabelOutcome {
	/// The label matched the item's settled label.
	Agreed,
	/// The label differed from the item's settled label.
	Disagreed,
	/// The label matched the requester's gold answer.
	GoldCorrect,
	/// The label differed from the requester's gold answer.
	GoldWrong,
	/// The annotator committed but never revealed.
	Unrevealed,
	/// The annotator claimed an item and let the claim expire.
	ClaimExpired,
}
