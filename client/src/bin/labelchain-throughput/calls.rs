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
		("redundancy", Value::u128(shape.redundancy.into())),
		// Perbill: 60 % of the vote weight.
		("agreement_threshold", Value::unnamed_composite([Value::u128(600_000_000)])),
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

/// A labeling call, to send alone or inside a batch.
#[derive(Clone, Copy)]
pub enum LabelCall {
	ClaimItem { task: u32, item: u32 },
	Commit { task: u32, item: u32, hash: [u8; 32] },
	Reveal { task: u32, item: u32, label: u16, salt: [u8; 32] },
}

impl LabelCall {
	fn name_and_fields(&self) -> (&'static str, Vec<(&'static str, Value)>) {
		match *self {
			Self::ClaimItem { task, item } =>
				("claim_item", vec![("task", Value::u128(task.into())), ("item", Value::u128(item.into()))]),
			Self::Commit { task, item, hash } => (
				"commit",
				vec![
					("task", Value::u128(task.into())),
					("item", Value::u128(item.into())),
					("hash", Value::from_bytes(hash)),
				],
			),
			Self::Reveal { task, item, label, salt } => (
				"reveal",
				vec![
					("task", Value::u128(task.into())),
					("item", Value::u128(item.into())),
					("label", Value::u128(label.into())),
					("salt", Value::from_bytes(salt)),
				],
			),
		}
	}

	/// The call as a transaction of its own.
	pub fn transaction(&self) -> Call {
		let (name, fields) = self.name_and_fields();
		dynamic::tx("LabelVoting", name, fields.into_iter().map(|(_, value)| value).collect())
	}

	/// The call as a `RuntimeCall` value, for `Utility.batch_all`.
	fn runtime_call(&self) -> Value {
		let (name, fields) = self.name_and_fields();
		Value::unnamed_variant("LabelVoting", [Value::named_variant(name, fields)])
	}
}

/// All of `calls` in one transaction; if one fails, none takes effect.
pub fn batch_all(calls: &[LabelCall]) -> Call {
	let calls = Value::unnamed_composite(calls.iter().map(LabelCall::runtime_call));
	dynamic::tx("Utility", "batch_all", vec![calls])
}

/// `blake2_256(SCALE((label, salt, annotator)))`, what `commit` seals.
pub fn label_hash(label: u16, salt: &[u8; 32], annotator: &AccountId32) -> [u8; 32] {
	let mut sealed = Vec::with_capacity(66);
	sealed.extend(label.to_le_bytes());
	sealed.extend(salt);
	sealed.extend(annotator.0);
	sp_crypto_hashing::blake2_256(&sealed)
}
