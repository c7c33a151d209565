//! The two commitments of the labeling protocol: an annotator's sealed label
//! and a requester's hidden gold answer. The voting pallet checks reveals
//! against them; the client and the replays make them. This module is the one
//! place that says what is hashed, so the parties cannot drift apart.
//!
//! Both are `blake2_256` of the SCALE encoding of a tuple. The test vectors in
//! `commitment_vectors.json` are checked here and, from JavaScript, by the
//! end-to-end tests.

use codec::Encode;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

use crate::item_lifecycle::Label;
use crate::task::{ItemIndex, TaskId};

/// A random 32-byte secret that keeps a commitment over few possible labels
/// from being guessed.
pub type Salt = [u8; 32];

/// What `annotator` commits for `label` on `item` of `task`:
/// `blake2_256(SCALE((task: u32, item: u32, label: u16, salt: [u8; 32], annotator)))`.
/// The annotator is hashed in so that nobody can replay another's commit, and
/// the task and item so that nobody (the annotator included) can replay a
/// commit seen on one item on another, where its label may be known.
pub fn label_commitment<AccountId: Encode>(
	task: TaskId,
	item: ItemIndex,
	label: Label,
	salt: &Salt,
	annotator: &AccountId,
) -> H256 {
	BlakeTwo256::hash_of(&(task, item, label, salt, annotator))
}

/// What a requester commits for the gold `answer` of `item`:
/// `blake2_256(SCALE((item: u32, answer: u16, salt: [u8; 32])))`.
pub fn gold_commitment(item: ItemIndex, answer: Label, salt: &Salt) -> H256 {
	BlakeTwo256::hash_of(&(item, answer, salt))
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The vectors the end-to-end tests also check, as `0x` hex.
	const VECTORS: &str = include_str!("commitment_vectors.json");

	/// The value of `"key": "..."` in the vectors file.
	fn vector(key: &str) -> String {
		let needle = alloc::format!("\"{key}\": \"");
		let start = VECTORS.find(&needle).expect("the vectors name every key") + needle.len();
		let end = start + VECTORS[start..].find('"').expect("a closing quote");
		VECTORS[start..end].into()
	}

	fn bytes32(key: &str) -> [u8; 32] {
		let hex = vector(key);
		let hex = hex.trim_start_matches("0x");
		let mut out = [0u8; 32];
		for (index, byte) in out.iter_mut().enumerate() {
			*byte = u8::from_str_radix(&hex[index * 2..index * 2 + 2], 16).expect("hex");
		}
		out
	}

	#[test]
	fn a_label_commitment_matches_its_vector() {
		let task: TaskId = vector("task").parse().expect("a number");
		let item: ItemIndex = vector("item").parse().expect("a number");
		let label: Label = vector("label").parse().expect("a number");
		let annotator = sp_core::crypto::AccountId32::new(bytes32("annotator"));
		let commitment = label_commitment(task, item, label, &bytes32("salt"), &annotator);
		assert_eq!(commitment, H256(bytes32("labelCommitment")));
	}

	#[test]
	fn a_gold_commitment_matches_its_vector() {
		let item: ItemIndex = vector("item").parse().expect("a number");
		let answer: Label = vector("answer").parse().expect("a number");
		assert_eq!(gold_commitment(item, answer, &bytes32("salt")), H256(bytes32("goldCommitment")));
	}

	#[test]
	fn every_part_of_a_commitment_counts() {
		let salt = bytes32("salt");
		let other_salt = [0u8; 32];
		let alice = sp_core::crypto::AccountId32::new([1; 32]);
		let bob = sp_core::crypto::AccountId32::new([2; 32]);
		let base = label_commitment(7, 4, 1, &salt, &alice);
		assert_ne!(base, label_commitment(8, 4, 1, &salt, &alice), "the task");
		assert_ne!(base, label_commitment(7, 5, 1, &salt, &alice), "the item");
		assert_ne!(base, label_commitment(7, 4, 0, &salt, &alice), "the label");
		assert_ne!(base, label_commitment(7, 4, 1, &other_salt, &alice), "the salt");
		assert_ne!(base, label_commitment(7, 4, 1, &salt, &bob), "the annotator");
		let gold = gold_commitment(4, 1, &salt);
		assert_ne!(gold, gold_commitment(5, 1, &salt), "the item");
		assert_ne!(gold, gold_commitment(4, 0, &salt), "the answer");
	}
}
