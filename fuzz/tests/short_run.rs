//! The fuzzer's short run, in `scripts/test.sh`: every input of the corpus
//! (`fuzz/corpus`), then seeded random inputs until `FUZZ_CALLS` calls
//! (default 5,000), each checked as the fuzzer checks it (every call within
//! its declared weight, every invariant and the total issuance after every
//! block, no panic). The same harness, built without coverage
//! instrumentation, so CI stays within its time; the coverage-guided run is
//! `fuzz/libfuzzer` (README).

use std::collections::BTreeSet;

use labelchain_fuzz::{random, run};

#[test]
fn the_corpus_and_random_inputs_keep_every_rule() {
	let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
	let mut reached = BTreeSet::new();
	let mut files: Vec<_> = std::fs::read_dir(&corpus).expect("the corpus is in the repository").flatten().map(|e| e.path()).collect();
	files.sort();
	assert!(!files.is_empty(), "the corpus has inputs");
	for file in &files {
		let bytes = std::fs::read(file).expect("readable");
		reached.extend(run(&bytes).reached);
	}
	// What the corpus must reach: the protocol's whole path, from a task to
	// its settled items, an appeal and a dispute decided, gold revealed, and
	// a task cancelled.
	for outcome in [
		"Tasks.create_task: Ok",
		"LabelVoting.commit: Ok",
		"LabelVoting.reveal: Ok",
		"LabelVoting.reveal_batch: Ok",
		"LabelVoting.commit_batch: Ok",
		"LabelVoting.finalize_item: Ok",
		"LabelVoting.finalize_items: Ok",
		"LabelVoting.appeal: Ok",
		"LabelVoting.decide_appeal: Ok",
		"LabelVoting.resolve_dispute: Ok",
		"LabelVoting.reveal_gold: Ok",
		"Tasks.cancel_task: Ok",
	] {
		assert!(reached.contains(outcome), "the corpus never reaches {outcome}; it reaches {reached:#?}");
	}

	let calls: u64 = std::env::var("FUZZ_CALLS").ok().and_then(|calls| calls.parse().ok()).unwrap_or(5_000);
	let (mut made, mut seed) = (0, 1_000_000u64);
	while made < calls {
		made += run(&random::input(seed, 4_096)).calls;
		seed += 1;
	}
	println!("{} corpus inputs reaching {} call outcomes, then {made} random calls (seeds 1000000..{seed})", files.len(), reached.len());
}
