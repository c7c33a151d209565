//! The figures of a replay against the data set's true answers.

use serde_json::json;

use crate::{
	dataset::Dataset,
	outcome::{DecidedBy, Outcome},
	dawid_skene::DsItem,
	plan::GoldBound,
	stats::{majority_credit, spearman},
};

/// Label quality and incentive figures of one replay. Accuracies count the
/// items that have a true answer and were not gold; a figure with no item
/// to measure on is `None` (shown as "–", `null` in JSON), never 0.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
	/// Items measured (with a truth, not gold): what `accuracy`,
	/// `disputed_share` and `majority_accuracy` are measured on.
	pub items: usize,
	pub gold_items: usize,
	/// Which bound set the gold count.
	pub gold_bound: GoldBound,
	/// Items without a true answer: labeled and settled like any other,
	/// measured on nothing.
	pub items_without_truth: usize,
	/// Every measured item's final label against the truth.
	pub accuracy: Option<f64>,
	/// Measured items whose tally was split (sent to an expert, or taking
	/// their top-weighted label without experts).
	pub disputed_share: Option<f64>,
	/// The measured items the crowd settled alone (its accepted label
	/// stood), and how many they are.
	pub crowd_accuracy: Option<f64>,
	pub crowd_items: usize,
	/// Plain majority vote of the same labels on the same items.
	pub majority_accuracy: Option<f64>,
	/// Dawid-Skene (crowd-kit) over all the replayed labels, on the same
	/// items; `None` until `with_dawid_skene` adds it.
	pub ds_accuracy: Option<f64>,
	/// Dawid-Skene on its most confident measured items, as many as the
	/// crowd settled alone (the chain's coverage without experts).
	pub ds_at_coverage: Option<f64>,
	/// The labels the chain took, as a share of those the replay offered
	/// (below one under adaptive redundancy).
	pub labels_used: Option<f64>,
	/// Spearman's rank correlation of each worker's true accuracy (over the
	/// labels the chain took from them on items with a truth) with their
	/// net earnings (rewards less slashes), over workers with at least
	/// `MIN_LABELS_RANKED` such labels.
	pub earnings_spearman: Option<f64>,
	/// The same with each worker's net earnings divided by their labels, which
	/// takes out how much each worker labeled.
	pub per_label_spearman: Option<f64>,
	/// The simulated spammers' net earnings together, in LBL.
	pub spammer_net_earnings: Option<f64>,
}

/// `part` of `whole`, or `None` with nothing to measure on.
fn share(part: f64, whole: usize) -> Option<f64> {
	(whole > 0).then(|| part / whole as f64)
}

/// The fewest labels with a known answer a worker needs to be ranked: a
/// true accuracy over fewer says little about them.
pub const MIN_LABELS_RANKED: u32 = 20;

pub fn figures(data: &Dataset, outcome: &Outcome) -> Figures {
	let mut votes: Vec<Vec<u16>> = vec![Vec::new(); data.items.len()];
	for row in &outcome.rows {
		votes[row.item as usize].push(row.label);
	}
	let measured: Vec<(usize, u16)> = outcome
		.items
		.iter()
		.enumerate()
		.filter(|(_, result)| !result.gold)
		.filter_map(|(item, _)| data.truth[item].map(|truth| (item, truth)))
		.collect();
	let right = |item: usize, truth: u16| f64::from(u8::from(outcome.items[item].label == truth));
	let accuracy = measured.iter().map(|(item, truth)| right(*item, *truth)).sum::<f64>();
	let disputed = measured.iter().filter(|(item, _)| outcome.items[*item].disputed).count();
	let crowd: Vec<&(usize, u16)> =
		measured.iter().filter(|(item, _)| outcome.items[*item].decided_by == DecidedBy::Crowd).collect();
	let crowd_accuracy = crowd.iter().map(|(item, truth)| right(*item, *truth)).sum::<f64>();
	let majority = measured.iter().map(|(item, truth)| majority_credit(&votes[*item], *truth)).sum::<f64>();

	// Spammers' true accuracy comes from their replayed labels, like
	// everyone's: those the chain took, which are what they were paid for.
	let workers = outcome.net_earnings.len();
	let mut tally = vec![(0u32, 0u32); workers];
	for row in &outcome.used {
		if let Some(truth) = data.truth[row.item as usize] {
			let (hits, all) = &mut tally[row.worker as usize];
			*all += 1;
			*hits += u32::from(row.label == truth);
		}
	}
	let mut labels = vec![0u32; workers];
	for row in &outcome.used {
		labels[row.worker as usize] += 1;
	}
	let measured_workers: Vec<(f64, f64, f64)> = tally
		.iter()
		.zip(&outcome.net_earnings)
		.zip(&labels)
		.filter(|(((_, all), _), _)| *all >= MIN_LABELS_RANKED)
		.map(|(((hits, all), net), count)| (f64::from(*hits) / f64::from(*all), *net, *net / f64::from(*count)))
		.collect();
	let accuracies: Vec<f64> = measured_workers.iter().map(|(accuracy, _, _)| *accuracy).collect();
	let earnings: Vec<f64> = measured_workers.iter().map(|(_, net, _)| *net).collect();
	let per_label: Vec<f64> = measured_workers.iter().map(|(_, _, per_label)| *per_label).collect();
	let first_spammer = workers - outcome.spammers as usize;
	Figures {
		items: measured.len(),
		gold_items: outcome.items.iter().filter(|result| result.gold).count(),
		gold_bound: outcome.gold_bound,
		items_without_truth: data.truth.iter().filter(|truth| truth.is_none()).count(),
		accuracy: share(accuracy, measured.len()),
		disputed_share: share(disputed as f64, measured.len()),
		crowd_accuracy: share(crowd_accuracy, crowd.len()),
		crowd_items: crowd.len(),
		majority_accuracy: share(majority, measured.len()),
		labels_used: share(outcome.used.len() as f64, outcome.rows.len()),
		ds_accuracy: None,
		ds_at_coverage: None,
		earnings_spearman: spearman(&accuracies, &earnings),
		per_label_spearman: spearman(&accuracies, &per_label),
		spammer_net_earnings: (outcome.spammers > 0).then(|| outcome.net_earnings[first_spammer..].iter().sum()),
	}
}

impl Figures {
	/// Adds Dawid-Skene's figures, given its result for every item over the
	/// same labels (`dawid_skene(&outcome.rows)`): its accuracy on the
	/// measured items, and on its most confident of them, as many as the
	/// crowd settled alone.
	pub fn with_dawid_skene(mut self, data: &Dataset, outcome: &Outcome, ds: &[Option<DsItem>]) -> Self {
		let mut measured: Vec<(f64, bool)> = outcome
			.items
			.iter()
			.enumerate()
			.filter(|(_, result)| !result.gold)
			.filter_map(|(item, _)| {
				let truth = data.truth[item]?;
				// An item nobody labeled, Dawid-Skene cannot label: wrong.
				Some(ds.get(item).copied().flatten().map_or((0.0, false), |d| (d.confidence, d.label == truth)))
			})
			.collect();
		let right = |items: &[(f64, bool)]| items.iter().filter(|(_, right)| *right).count() as f64;
		self.ds_accuracy = share(right(&measured), measured.len());
		// The most confident first; ties keep item order.
		measured.sort_by(|a, b| b.0.total_cmp(&a.0));
		let covered = &measured[..self.crowd_items.min(measured.len())];
		self.ds_at_coverage = share(right(covered), covered.len());
		self
	}

	pub fn to_json(&self) -> serde_json::Value {
		json!({
			"items": self.items,
			"gold_items": self.gold_items,
			"gold_bound": self.gold_bound.as_str(),
			"items_without_truth": self.items_without_truth,
			"accuracy": self.accuracy,
			"disputed_share": self.disputed_share,
			"crowd_accuracy": self.crowd_accuracy,
			"crowd_items": self.crowd_items,
			"majority_accuracy": self.majority_accuracy,
			"labels_used": self.labels_used,
			"dawid_skene_accuracy": self.ds_accuracy,
			"dawid_skene_at_coverage": self.ds_at_coverage,
			"earnings_spearman": self.earnings_spearman,
			"per_label_spearman": self.per_label_spearman,
			"spammer_net_earnings": self.spammer_net_earnings,
		})
	}
}

/// What reading the data set left out, one line each (none if nothing).
pub fn left_out_of_data_set(data: &Dataset) -> Vec<String> {
	let mut notes = Vec::new();
	if data.blank_labels > 0 {
		notes.push(format!("{}: {} lines with a blank label left out", data.name, data.blank_labels));
	}
	if data.repeated_labels > 0 {
		notes.push(format!(
			"{}: {} repeated labels (a worker labeling an item again) left out; each worker's first stands",
			data.name, data.repeated_labels
		));
	}
	notes
}

/// What a replay left out because items had more labels than the chain takes.
pub fn left_out_over_redundancy(set: &str, over_redundancy: usize, max_redundancy: u32) -> Option<String> {
	(over_redundancy > 0)
		.then(|| format!("{set}: {over_redundancy} labels left out, past the {max_redundancy} per item the chain takes"))
}

/// What the gold count says when half the truths bounded it (none when the
/// gold share did).
pub fn gold_note(set: &str, figures: &Figures) -> Option<String> {
	(figures.gold_bound == GoldBound::HalfOfTruths).then(|| {
		format!(
			"{set}: gold is half of the {} items with a true answer ({} gold), below the gold share; the other {} measure",
			figures.items + figures.gold_items,
			figures.gold_items,
			figures.items,
		)
	})
}

/// The Markdown table header for `row`: accuracy, to experts and majority
/// vote are measured on the `measured` items, crowd-settled accuracy on the
/// count beside it; `no truth` items are settled but measured on nothing.
pub const HEADER: &str = "| data set | variant | measured | no truth | gold | accuracy | labels used | to experts | crowd-settled accuracy | majority vote | Dawid-Skene | DS at the chain's coverage | Spearman (earnings, accuracy) | per label | spammers' net (LBL) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

pub fn row(set: &str, variant: &str, figures: &Figures) -> String {
	let optional = |value: Option<f64>, digits: usize| value.map_or("–".into(), |v| format!("{v:.digits$}"));
	format!(
		"| {set} | {variant} | {} | {} | {} | {} | {} | {} | {} ({}) | {} | {} | {} | {} | {} | {} |",
		figures.items,
		figures.items_without_truth,
		figures.gold_items,
		optional(figures.accuracy, 3),
		optional(figures.labels_used, 2),
		optional(figures.disputed_share, 3),
		optional(figures.crowd_accuracy, 3),
		figures.crowd_items,
		optional(figures.majority_accuracy, 3),
		optional(figures.ds_accuracy, 3),
		optional(figures.ds_at_coverage, 3),
		optional(figures.earnings_spearman, 3),
		optional(figures.per_label_spearman, 3),
		optional(figures.spammer_net_earnings, 2),
	)
}
