//! A replay's figures over several orders of the same labels (the file's
//! and seeded shuffles): their mean, and their worst as the chain's targets
//! read them, so that a figure cannot pass on one lucky order.

use crate::report::Figures;

/// How a figure is judged: the chain's own figures by their direction, the
/// baselines it is compared with by the hardest bar.
#[derive(Clone, Copy)]
enum Worst {
	/// More is better (an accuracy, a rank correlation): the worst is the least.
	Least,
	/// Less is better (a share sent to experts, labels used, spammers' net): the most.
	Most,
}

fn mean(values: &[Option<f64>]) -> Option<f64> {
	let present: Vec<f64> = values.iter().flatten().copied().collect();
	(!present.is_empty()).then(|| present.iter().sum::<f64>() / present.len() as f64)
}

fn worst(values: &[Option<f64>], how: Worst) -> Option<f64> {
	let present = values.iter().flatten().copied();
	match how {
		Worst::Least => present.reduce(f64::min),
		Worst::Most => present.reduce(f64::max),
	}
}

/// The mean and the worst of `runs` (at least one), field by field. Counts
/// (items, gold) are the first run's: every order replays the same items.
pub fn mean_and_worst(runs: &[Figures]) -> (Figures, Figures) {
	let first = runs.first().cloned().expect("at least one run");
	let (mut average, mut bad) = (first.clone(), first);
	let fields: [(fn(&mut Figures) -> &mut Option<f64>, Worst); 10] = [
		(|f| &mut f.accuracy, Worst::Least),
		(|f| &mut f.disputed_share, Worst::Most),
		(|f| &mut f.crowd_accuracy, Worst::Least),
		(|f| &mut f.labels_used, Worst::Most),
		(|f| &mut f.earnings_spearman, Worst::Least),
		(|f| &mut f.per_label_spearman, Worst::Least),
		(|f| &mut f.spammer_net_earnings, Worst::Most),
		// The baselines: the hardest bar is their best.
		(|f| &mut f.majority_accuracy, Worst::Most),
		(|f| &mut f.ds_accuracy, Worst::Most),
		(|f| &mut f.ds_at_coverage, Worst::Most),
	];
	let mut runs = runs.to_vec();
	for (field, how) in fields {
		let values: Vec<Option<f64>> = runs.iter_mut().map(|run| *field(run)).collect();
		*field(&mut average) = mean(&values);
		*field(&mut bad) = worst(&values, how);
	}
	average.crowd_items = runs.iter().map(|run| run.crowd_items).sum::<usize>() / runs.len();
	bad.crowd_items = runs.iter().map(|run| run.crowd_items).min().unwrap_or_default();
	(average, bad)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::plan::GoldBound;

	fn run(accuracy: f64, disputed: f64, spammers: Option<f64>, ds: f64) -> Figures {
		Figures {
			items: 10,
			gold_items: 1,
			gold_bound: GoldBound::Share,
			items_without_truth: 0,
			accuracy: Some(accuracy),
			disputed_share: Some(disputed),
			crowd_accuracy: Some(accuracy),
			crowd_items: 8,
			majority_accuracy: Some(0.7),
			labels_used: Some(0.5),
			ds_accuracy: Some(ds),
			ds_at_coverage: Some(ds),
			earnings_spearman: None,
			per_label_spearman: Some(accuracy),
			spammer_net_earnings: spammers,
		}
	}

	#[test]
	fn the_worst_is_each_figure_at_its_worst_and_the_hardest_baseline() {
		let runs = [run(0.9, 0.1, Some(-5.0), 0.80), run(0.8, 0.3, Some(-1.0), 0.85)];
		let (mean, worst) = mean_and_worst(&runs);
		assert!((mean.accuracy.unwrap() - 0.85).abs() < 1e-12);
		assert!((mean.disputed_share.unwrap() - 0.2).abs() < 1e-12);
		assert_eq!(worst.accuracy, Some(0.8));
		assert_eq!(worst.disputed_share, Some(0.3));
		assert_eq!(worst.spammer_net_earnings, Some(-1.0));
		assert_eq!(worst.ds_accuracy, Some(0.85), "the chain is held to the best baseline");
		// A figure no run has stays absent.
		assert_eq!((mean.earnings_spearman, worst.earnings_spearman), (None, None));
	}
}
