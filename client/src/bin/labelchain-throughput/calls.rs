//! The calls the load sends, built from the runtime's metadata by name (no
//! generated types), and the sealed-label hash the chain checks at reveal.

use subxt::{
	dynamic::{self, Value},
	transactions::DynamicPayload,
	utils::AccountId32,
};

pub type Call = DynamicPayload<Vec<Value>>;

/// One LBL in the chain's smallest unit (12 decimals).
pub const UNIT: u128 = 1_000_000_000_000;

pub fn transfer_keep_alive(dest: &AccountId32, amount: u128) -> Call {
	let dest = Value::unnamed_variant("Id", [Value::from_bytes(dest.0)]);
	dynamic::tx("Balances", "transfer_keep_alive", vec![dest, Value::u128(amount)])
}

pub fn bond(amount: u128) -> Call {
	dynamic::tx("AnnotatorStake", "bond", vec![Value::u128(amount)])
}

/// What the load's tasks look like: open, binary, no gold.
pub struct TaskShape {
	pub item_count: u32,
	pub redundancy: u8,
	pub reward_per_label: u128,
	pub deadline: u32,
}

pub fn create_task(shape: &TaskShape) -> Call {
	// A CIDv1 (raw codec, sha2-256) of nothing in particular: the chain only
	// checks its form.
	let mut manifest = vec![0x01, 0x55, 0x12, 0x20];
	manifest.extend(sp_crypto_hashing::sha2_256(b"labelchain throughput benchmark"));
	let spec = Value::named_composite([
		("manifest", Value::from_bytes(manifest)),
		("item_count", Value::u128(shape.item_count.into())),
		("class_count", Value::u128(2)),
		("min_redundancy", Value::u128(shape.redundancy.into())),
		("max_redundancy", Value::u128(shape.redundancy.into())),
		// Perbill: a 60 % target accuracy.
		("target_accuracy", Value::unnamed_composite([Value::u128(600_000_000)])),
		("reward_per_label", Value::u128(shape.reward_per_label)),
		("dispute_budget", Value::u128(UNIT)),
		("deadline", Value::u128(shape.deadline.into())),
		("min_tier", Value::unnamed_variant("Newcomer", [])),
		("min_stake", Value::u128(0)),
		("assignment", Value::unnamed_variant("Open", [])),
		("domain", Value::u128(0)),
		("gold_commitments", Value::unnamed_composite([])),
	]);
	dynamic::tx("Tasks", "create_task", vec![spec])
}

/// One annotator's commit or reveal on one item.
#[derive(Clone, Copy)]
pub enum LabelCall {
	Commit { task: u32, item: u32, hash: [u8; 32] },
	Reveal { task: u32, item: u32, label: u16, salt: [u8; 32] },
}

impl LabelCall {
	/// The call as a transaction of its own: `commit` (an `Open` task's item
	/// needs no claim first) or `reveal`.
	pub fn transaction(&self) -> Call {
		match *self {
			Self::Commit { task, item, hash } => dynamic::tx(
				"LabelVoting",
				"commit",
				vec![Value::u128(task.into()), Value::u128(item.into()), Value::from_bytes(hash)],
			),
			Self::Reveal { task, item, label, salt } => dynamic::tx(
				"LabelVoting",
				"reveal",
				vec![
					Value::u128(task.into()),
					Value::u128(item.into()),
					Value::u128(label.into()),
					Value::from_bytes(salt),
				],
			),
		}
	}
}

/// A commit on one item and a reveal on another, in one `commit_and_reveal`.
pub fn commit_and_reveal(task: u32, commit: (u32, [u8; 32]), reveal: (u32, u16, [u8; 32])) -> Call {
	let (commit_item, hash) = commit;
	let (reveal_item, label, salt) = reveal;
	dynamic::tx(
		"LabelVoting",
		"commit_and_reveal",
		vec![
			Value::u128(task.into()),
			Value::u128(commit_item.into()),
			Value::from_bytes(hash),
			Value::u128(reveal_item.into()),
			Value::u128(label.into()),
			Value::from_bytes(salt),
		],
	)
}

/// One annotator's commits on several items of `task`, in one `commit_batch`.
pub fn commit_batch(task: u32, commits: &[(u32, [u8; 32])]) -> Call {
	let entries = commits
		.iter()
		.map(|(item, hash)| Value::unnamed_composite([Value::u128((*item).into()), Value::from_bytes(hash)]));
	dynamic::tx("LabelVoting", "commit_batch", vec![Value::u128(task.into()), Value::unnamed_composite(entries)])
}

/// One annotator's reveals on several items of `task`, in one `reveal_batch`.
pub fn reveal_batch(task: u32, reveals: &[(u32, u16, [u8; 32])]) -> Call {
	let entries = reveals.iter().map(|(item, label, salt)| {
		Value::unnamed_composite([Value::u128((*item).into()), Value::u128((*label).into()), Value::from_bytes(salt)])
	});
	dynamic::tx("LabelVoting", "reveal_batch", vec![Value::u128(task.into()), Value::unnamed_composite(entries)])
}

