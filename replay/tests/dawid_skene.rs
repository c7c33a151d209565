//! Dawid-Skene comes from crowd-kit (run through
//! `replay/analysis/dawid_skene.py` in the venv `scripts/setup.sh` makes),
//! and the report sets it beside the chain's figures on the same items.

use labelchain_replay::{dawid_skene, figures, replay, report, Dataset, Settings};

fn bluebirds() -> Dataset {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bluebirds");
	Dataset::read(&dir).expect("the bluebirds set is in the repository")
}

#[test]
fn crowd_kit_gives_bluebirds_its_published_dawid_skene_accuracy() {
	let data = bluebirds();
	let ds = dawid_skene(data.items.len(), &data.rows).expect("run scripts/setup.sh for crowd-kit");
	assert!(ds.iter().all(Option::is_some), "every item has labels");
	let right = ds
		.iter()
		.zip(&data.truth)
		.filter(|(ds, truth)| ds.map(|ds| ds.label) == **truth)
		.count();
	// replay/data/README.md: 0.889 over the 108 items, `DawidSkene(n_iter=100)`.
	assert_eq!((right, data.items.len()), (96, 108));
	assert!(ds.iter().flatten().all(|ds| (0.0..=1.0).contains(&ds.confidence)));
}

#[test]
fn the_report_measures_dawid_skene_on_the_chains_items_and_its_coverage() {
	let data = bluebirds();
	let settings = Settings { experts: false, ..Settings::default() };
	let outcome = replay(&data, &settings).expect("the replay runs");
	let ds = dawid_skene(data.items.len(), &outcome.rows).expect("crowd-kit");
	let measured = figures(&data, &outcome).with_dawid_skene(&data, &outcome, &ds);
	let (all, covered) = (measured.ds_accuracy.expect("measured"), measured.ds_at_coverage.expect("covered"));
	// On its most confident items Dawid-Skene is at least as right as on all.
	assert!(covered >= all, "{measured:?}");
	let row = report::row("bluebirds", "no experts", &measured);
	assert!(row.contains(&format!("| {all:.3} | {covered:.3} |")), "{row}");
}
