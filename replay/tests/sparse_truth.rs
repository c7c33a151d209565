//! Data sets where only some items have a known answer: the gold takes at
//! most half of the truths, the rest measure, items without a truth settle
//! like any other and are counted apart, and a figure with nothing to
//! measure on is "–" (`null` in JSON), never 0.

use labelchain_replay::{dataset::Row, figures, replay, report, Dataset, GoldBound, Settings};

/// `items` items labeled by three workers: the first two give each item
/// `item % 2`, the third the other class. The first `truths` items have a
/// true answer, `item % 2`.
fn synthetic(items: u32, truths: u32) -> Dataset {
	let rows = (0..items)
		.flat_map(|item| {
			let right = (item % 2) as u16;
			[(0, right), (1, right), (2, 1 - right)].map(|(worker, label)| Row { item, worker, label })
		})
		.collect();
	Dataset {
		name: "synthetic".into(),
		items: (0..items).map(|item| format!("i{item}")).collect(),
		workers: vec!["w0".into(), "w1".into(), "w2".into()],
		classes: vec!["0".into(), "1".into()],
		rows,
		truth: (0..items).map(|item| (item < truths).then_some((item % 2) as u16)).collect(),
		repeated_labels: 0,
		blank_labels: 0,
	}
}

#[test]
fn gold_takes_half_the_truths_and_the_other_half_measures() {
	let data = synthetic(2_000, 100);
	let outcome = replay(&data, &Settings::default()).expect("the replay runs");
	let measured = figures(&data, &outcome);
	// 10 % of 2,000 items would be 200 gold, more than the 100 truths: half
	// of them is gold, the other half measures.
	assert_eq!(measured.gold_bound, GoldBound::HalfOfTruths);
	assert_eq!((measured.gold_items, measured.items, measured.items_without_truth), (50, 50, 1_900));
	assert_eq!(measured.accuracy, Some(1.0), "{measured:?}");
	let row = report::row("synthetic", "experts", &measured);
	assert!(row.starts_with("| synthetic | experts | 50 | 1900 | 50 | 1.000 |"), "{row}");
	let json = measured.to_json();
	assert_eq!((json["items"].as_u64(), json["gold_bound"].as_str()), (Some(50), Some("half_of_truths")));
	let note = report::gold_note("synthetic", &measured).expect("the truths bounded the gold");
	assert!(note.contains("half of the 100 items with a true answer (50 gold)"), "{note}");
	// Every item settled, the 1,900 without a truth included.
	assert_eq!(outcome.items.len(), 2_000);
}

#[test]
fn with_truths_to_spare_the_gold_share_bounds_the_gold() {
	let data = synthetic(200, 200);
	let measured = figures(&data, &replay(&data, &Settings::default()).expect("the replay runs"));
	assert_eq!(measured.gold_bound, GoldBound::Share);
	assert_eq!((measured.gold_items, measured.items, measured.items_without_truth), (20, 180, 0));
	assert!(report::gold_note("synthetic", &measured).is_none());
}

#[test]
fn a_set_without_truths_runs_to_the_end_and_measures_nothing() {
	let data = synthetic(200, 0);
	let outcome = replay(&data, &Settings::default()).expect("the replay runs to the end");
	assert_eq!(outcome.items.len(), 200);
	let measured = figures(&data, &outcome);
	assert_eq!((measured.gold_items, measured.items, measured.items_without_truth), (0, 0, 200));
	assert_eq!(
		(measured.accuracy, measured.disputed_share, measured.crowd_accuracy, measured.majority_accuracy),
		(None, None, None, None)
	);
	assert_eq!(measured.earnings_spearman, None);
	let row = report::row("synthetic", "experts", &measured);
	// Labels used are measured on labels, not truths: the chain still
	// stops asking once it is sure.
	assert!(measured.labels_used.is_some_and(|used| used < 1.0), "{measured:?}");
	let used = format!("{:.2}", measured.labels_used.unwrap_or_default());
	assert_eq!(row, format!("| synthetic | experts | 0 | 200 | 0 | – | {used} | – | – (0) | – | – | – | – | – | – |"));
	let json = measured.to_json();
	for field in ["accuracy", "disputed_share", "crowd_accuracy", "majority_accuracy", "earnings_spearman"] {
		assert!(json[field].is_null(), "{field}: {}", json[field]);
	}
}
