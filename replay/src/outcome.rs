//! How a replay ended, as the report needs it.

use crate::{dataset::Row, plan::GoldBound};

/// Who decided an item's final label (the chain's `Decision`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecidedBy {
	Crowd,
	Expert,
	Gold,
	/// No expert in time; the crowd's two-annotator plurality stood.
	Fallback,
	/// No expert in time and no plurality: no label.
	Unresolved,
}

impl From<labelchain_primitives::item_lifecycle::Decision> for DecidedBy {
	fn from(decision: labelchain_primitives::item_lifecycle::Decision) -> Self {
		use labelchain_primitives::item_lifecycle::Decision;
		match decision {
			Decision::Crowd => Self::Crowd,
			Decision::Expert => Self::Expert,
			Decision::Gold => Self::Gold,
			Decision::Fallback => Self::Fallback,
			Decision::Unresolved => Self::Unresolved,
		}
	}
}

/// How one item ended.
#[derive(Clone, Copy, Debug)]
pub struct ItemResult {
	pub label: u16,
	pub decided_by: DecidedBy,
	pub gold: bool,
	/// The crowd's tally was split (it went to an expert, or took its
	/// top-weighted label without experts).
	pub disputed: bool,
}

/// What a replay did: each item's result, each worker's net earnings, and
/// the labels it replayed (the data set's and any spammers').
#[derive(Clone, Debug)]
pub struct Outcome {
	pub items: Vec<ItemResult>,
	/// Label rewards minus slashes, in LBL, by worker (spammers after the
	/// data set's workers).
	pub net_earnings: Vec<f64>,
	pub spammers: u32,
	/// Every label the replay offered the chain, in stream order.
	pub rows: Vec<Row>,
	/// The labels the chain took (each item's until it stopped taking
	/// labels), by item: fewer than `rows` under adaptive redundancy.
	pub used: Vec<Row>,
	pub redundancy: u32,
	/// Labels left out because their item already had the most the chain takes.
	pub over_redundancy: usize,
	/// Which bound set the gold count.
	pub gold_bound: GoldBound,
}

/// The label with the largest share of an item's revealed vote weight, as
/// (label, share in parts per billion) pairs; ties, including weights too
/// close to tell apart at that resolution, go to the lower label.
/// `None` for an empty tally.
pub fn top_weighted(tally: impl IntoIterator<Item = (u16, u32)>) -> Option<u16> {
	tally
		.into_iter()
		.max_by_key(|(label, share)| (*share, core::cmp::Reverse(*label)))
		.map(|(label, _)| label)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_top_weighted_label_wins_and_ties_go_to_the_lower_label() {
		assert_eq!(top_weighted([(0, 300), (1, 700)]), Some(1));
		assert_eq!(top_weighted([(2, 500), (1, 500)]), Some(1));
		assert_eq!(top_weighted([]), None);
	}
}
