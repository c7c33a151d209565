//! Types of the labeling protocol that more than one pallet, the node or the
//! client needs.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// A task's number, given in creation order from 0.
pub type TaskId = u32;

/// An item's position in its task's manifest, from 0.
pub type ItemIndex = u32;

/// A task domain (for example "medical images"), chosen by the requester;
/// reputation is kept per domain. 0 is the general domain.
pub type DomainId = u32;

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

/// What the voting pallet needs to know about a task, whatever its storage.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct TaskTerms<AccountId, Balance, BlockNumber> {
	pub requester: AccountId,
	pub item_count: u32,
	pub class_count: u16,
	pub redundancy: u8,
	pub agreement_threshold: Perbill,
	pub reward_per_label: Balance,
	pub deadline: BlockNumber,
	pub min_tier: Tier,
	pub min_stake: Balance,
	pub assignment: AssignmentMode,
	pub domain: DomainId,
	pub status: TaskStatus,
}

impl<AccountId, Balance, BlockNumber: PartialOrd> TaskTerms<AccountId, Balance, BlockNumber> {
	/// Whether the task takes new claims and commits at block `now`: open, and
	/// its deadline not passed.
	pub fn accepts_work(&self, now: BlockNumber) -> bool {
		self.status == TaskStatus::Open && now <= self.deadline
	}
}

/// Whether `bytes` is a binary CIDv1: version 1, a content codec, and a
/// multihash whose digest length matches what follows. The chain stores content
/// identifiers only, so this is all it can check about off-chain data.
pub fn is_binary_cid_v1(bytes: &[u8]) -> bool {
	let mut rest = bytes;
	let mut next = || read_varint(&mut rest);
	let (Some(version), Some(_codec), Some(_hash), Some(digest_len)) = (next(), next(), next(), next())
	else {
		return false;
	};
	version == 1 && digest_len > 0 && rest.len() as u64 == digest_len
}

/// Reads an unsigned LEB128 varint of at most 9 bytes, as multiformats use.
fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
	let mut value: u64 = 0;
	for (index, byte) in bytes.iter().enumerate().take(9) {
		value |= u64::from(byte & 0x7f) << (7 * index);
		if byte & 0x80 == 0 {
			*bytes = &bytes[index + 1..];
			return Some(value);
		}
	}
	None
}

/// A real binary CIDv1, for tests, benchmarks and examples: the bytes
/// "hello world" as a raw block (codec 0x55) with a sha2-256 multihash.
pub const EXAMPLE_CID: [u8; 36] = [
	0x01, 0x55, 0x12, 0x20, 0xb9, 0x4d, 0x27, 0xb9, 0x93, 0x4d, 0x3e, 0x08, 0xa5, 0x2e, 0x52, 0xd7,
	0xda, 0x7d, 0xab, 0xfa, 0xc4, 0x84, 0xef, 0xe3, 0x7a, 0x53, 0x80, 0xee, 0x90, 0x88, 0xf7, 0xac,
	0xe2, 0xef, 0xcd, 0xe9,
];

#[cfg(test)]
mod tests {
	use super::*;


	#[test]
	fn accepts_a_real_cid_v1() {
		assert!(is_binary_cid_v1(&EXAMPLE_CID));
	}

	#[test]
	fn rejects_malformed_cids() {
		assert!(!is_binary_cid_v1(&[]));
		// CIDv0 (a bare sha2-256 multihash) is not CIDv1.
		assert!(!is_binary_cid_v1(&EXAMPLE_CID[2..]));
		// Truncated digest, and a byte too many.
		assert!(!is_binary_cid_v1(&EXAMPLE_CID[..35]));
		let mut long = EXAMPLE_CID.to_vec();
		long.push(0);
		assert!(!is_binary_cid_v1(&long));
		// An unterminated varint.
		assert!(!is_binary_cid_v1(&[0x81, 0x80, 0x80]));
	}
}
