//! What a replay sends, whatever runs it (the native runtime, or a live node
//! over RPC): the stream of labels with any simulated spammers, the items
//! given hidden gold, and the redundancy the task needs.

use std::collections::BTreeMap;

use anyhow::bail;

use crate::{
	dataset::{Dataset, Row},
	stats::Random,
};

/// Which bound set how many items are gold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldBound {
	/// The gold share of all items.
	Share,
	/// Half the items with a true answer, so that at least as many truths
	/// are left to measure the labels on as the requester's gold uses.
	HalfOfTruths,
}

impl GoldBound {
	pub fn as_str(self) -> &'static str {
		match self {
			Self::Share => "share",
			Self::HalfOfTruths => "half_of_truths",
		}
	}
}

/// A replay's labels and gold, drawn from the data set and a seed.
#[derive(Clone, Debug)]
pub struct Plan {
	/// Every label in the order it is committed: gold items' labels first.
	pub order: Vec<Row>,
	/// Simulated spammers, numbered after the data set's workers.
	pub spammers: u32,
	/// How many labels each item gets.
	pub expected: Vec<u32>,
	/// The most labels on any item: the task's redundancy.
	pub redundancy: u32,
	/// Gold items and their index in the task's gold commitments.
	pub gold: BTreeMap<u32, u32>,
	/// Which bound set the gold count.
	pub gold_bound: GoldBound,
	/// Labels left out because their item already had as many as the chain
	/// takes (`max_redundancy`): each item keeps its first ones in file order.
	pub over_redundancy: usize,
}

impl Plan {
	/// Items with a true answer get gold: at most `gold_share` of all items
	/// and at most half of those with a truth, so the rest measure;
	/// spammers make up `spammer_share` of all workers; `shuffle` replays in
	/// a seeded random order instead of the file's; an item keeps at most
	/// `max_redundancy` labels, its first in file order (spammers' at their
	/// drawn places), whether or not the stream is then shuffled.
	pub fn new(
		data: &Dataset,
		gold_share: f64,
		spammer_share: f64,
		shuffle: bool,
		seed: u64,
		max_redundancy: u32,
	) -> anyhow::Result<Self> {
		if data.rows.is_empty() {
			bail!("{}: no labels", data.name);
		}
		let mut random = Random::new(seed);
		let (rows, spammers) = if spammer_share > 0.0 {
			with_spammers(data, spammer_share, &mut random)
		} else {
			(data.rows.clone(), 0)
		};
		let item_count = data.items.len() as u32;
		let mut expected = vec![0u32; data.items.len()];
		let mut kept = Vec::with_capacity(rows.len());
		for row in &rows {
			let count = &mut expected[row.item as usize];
			if *count < max_redundancy {
				*count += 1;
				kept.push(*row);
			}
		}
		let over_redundancy = rows.len() - kept.len();
		let rows = kept;
		let redundancy = expected.iter().copied().max().unwrap_or(0);
		if redundancy == 0 {
			bail!("{}: no labels", data.name);
		}
		// Gold: a seeded choice among items with a true answer, at most the
		// share of all items and at most half the truths.
		let mut candidates: Vec<u32> = (0..item_count).filter(|item| data.truth[*item as usize].is_some()).collect();
		random.shuffle(&mut candidates);
		let by_share = (gold_share * f64::from(item_count)).floor() as usize;
		let by_truths = candidates.len() / 2;
		let (gold_count, gold_bound) =
			if by_share <= by_truths { (by_share, GoldBound::Share) } else { (by_truths, GoldBound::HalfOfTruths) };
		let gold: BTreeMap<u32, u32> =
			candidates[..gold_count].iter().enumerate().map(|(index, item)| (*item, index as u32)).collect();
		let order = stream(&rows, &gold, shuffle, &mut random);
		Ok(Self { order, spammers, expected, redundancy, gold, gold_bound, over_redundancy })
	}
}

/// Spammers sized so they are `share` of all workers; each labels the items a
/// randomly drawn real worker labeled, with uniform random labels, at random
/// places in the stream.
fn with_spammers(data: &Dataset, share: f64, random: &mut Random) -> (Vec<Row>, u32) {
	let workers = data.workers.len() as f64;
	let spammers = ((share * workers) / (1.0 - share)).round().max(0.0) as u32;
	let mut items_of: Vec<Vec<u32>> = vec![Vec::new(); data.workers.len()];
	for row in &data.rows {
		items_of[row.worker as usize].push(row.item);
	}
	let mut keyed: Vec<(u64, Row)> =
		data.rows.iter().enumerate().map(|(index, row)| ((index as u64) << 20, *row)).collect();
	let span = (data.rows.len() as u64) << 20;
	for spammer in 0..spammers {
		let worker = data.workers.len() as u32 + spammer;
		let copied = &items_of[random.below(data.workers.len() as u64) as usize];
		for item in copied {
			let label = random.below(u64::from(data.class_count())) as u16;
			keyed.push((random.below(span), Row { item: *item, worker, label }));
		}
	}
	keyed.sort_by_key(|(key, _)| *key);
	(keyed.into_iter().map(|(_, row)| row).collect(), spammers)
}

/// The stream of labels: gold items' labels first, then the rest, each part
/// in file order or a seeded shuffle.
fn stream(rows: &[Row], gold: &BTreeMap<u32, u32>, shuffle: bool, random: &mut Random) -> Vec<Row> {
	let mut rows = rows.to_vec();
	if shuffle {
		random.shuffle(&mut rows);
	}
	let (mut first, rest): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|row| gold.contains_key(&row.item));
	first.extend(rest);
	first
}

#[cfg(test)]
mod tests {
	use super::*;

	fn row(item: u32, worker: u32, label: u16) -> Row {
		Row { item, worker, label }
	}

	#[test]
	fn an_item_keeps_its_first_labels_up_to_the_chains_redundancy() {
		let data = Dataset {
			name: "capped".into(),
			items: vec!["a".into(), "b".into()],
			workers: vec!["w1".into(), "w2".into(), "w3".into()],
			classes: vec!["0".into(), "1".into()],
			rows: vec![row(0, 0, 1), row(1, 0, 0), row(0, 1, 1), row(0, 2, 0), row(1, 1, 0)],
			truth: vec![Some(1), Some(0)],
			repeated_labels: 0,
			blank_labels: 0,
		};
		let plan = Plan::new(&data, 0.0, 0.0, false, 1, 2).unwrap();
		assert_eq!(plan.order, [row(0, 0, 1), row(1, 0, 0), row(0, 1, 1), row(1, 1, 0)]);
		assert_eq!(plan.expected, [2, 2]);
		assert_eq!(plan.redundancy, 2);
		assert_eq!(plan.over_redundancy, 1);
		// With room for every label nothing is left out.
		assert_eq!(Plan::new(&data, 0.0, 0.0, false, 1, 64).unwrap().over_redundancy, 0);
	}
}
