//! `labelchain-replay`: replays crowd data sets through the labeling pallets
//! (native runtime, no node) and prints label quality against the truth.
//!
//!   cargo run --release -p labelchain-replay -- replay/data/{bluebirds,web,rte}
//!   cargo run --release -p labelchain-replay -- --orders 6 replay/data/{bluebirds,web,rte}

use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use labelchain_replay::{dawid_skene, figures, replay, report, variants, Dataset, DsItem, Settings};
use sp_runtime::{traits::Get, Perbill};

#[derive(Parser, Debug)]
#[command(about = "Replays crowd labels through LabelChain's pallets and measures their quality")]
struct Args {
	/// Data set folders, each with labels.csv and truth.csv.
	#[arg(required = true)]
	datasets: Vec<PathBuf>,
	/// Share of items with hidden gold answers (at most 0.1 for the targets).
	#[arg(long, default_value_t = 0.10)]
	gold_share: f64,
	/// The tasks' target accuracy, in percent: the posterior a label needs
	/// to be accepted without an expert.
	#[arg(long, default_value_t = 90)]
	target_accuracy: u32,
	/// The labels every item takes at first; an item the chain is not sure
	/// of then takes its next label in the file, one at a time.
	#[arg(long, default_value_t = 2)]
	min_redundancy: u32,
	/// Every item takes all its labels (version 1's fixed redundancy).
	#[arg(long)]
	fixed_redundancy: bool,
	/// Labels committed per block.
	#[arg(long, default_value_t = 20)]
	labels_per_block: u32,
	/// Replay in a seeded random order instead of the file's.
	#[arg(long)]
	shuffle: bool,
	#[arg(long, default_value_t = 2026)]
	seed: u64,
	/// Replay each set in this many orders, the file's (or `--shuffle`'s)
	/// and then seeded shuffles (seeds `seed + 1` on), and report each
	/// variant's mean and worst over them.
	#[arg(long, default_value_t = 1)]
	orders: u64,
	/// Reputation's Beta prior, as `correct:incorrect` pseudo-counts
	/// (default: the runtime's).
	#[arg(long)]
	prior: Option<String>,
	/// How many ordinary labels a gold answer counts as (default: the runtime's).
	#[arg(long)]
	gold_weight: Option<u32>,
	/// The largest vote weight (default: the runtime's).
	#[arg(long)]
	max_weight: Option<u32>,
	/// Only the variants without spammers.
	#[arg(long)]
	no_spammers: bool,
	/// Also write every figure here as JSON.
	#[arg(long)]
	json: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
	let args = Args::parse();
	let mut reputation = <labelchain_runtime::Runtime as pallet_reputation::Config>::DefaultParameters::get();
	if let Some(prior) = &args.prior {
		let (correct, incorrect) = prior.split_once(':').context("--prior is correct:incorrect")?;
		reputation.prior_correct = correct.parse()?;
		reputation.prior_incorrect = incorrect.parse()?;
	}
	if let Some(gold_weight) = args.gold_weight {
		reputation.gold_weight = gold_weight;
	}
	if let Some(max_weight) = args.max_weight {
		reputation.max_weight = sp_runtime::FixedU128::from_u32(max_weight);
	}
	let base = Settings {
		reputation: Some(reputation),
		gold_share: args.gold_share,
		target_accuracy: Perbill::from_percent(args.target_accuracy),
		min_redundancy: (!args.fixed_redundancy).then_some(args.min_redundancy),
		labels_per_block: args.labels_per_block,
		shuffle: args.shuffle,
		seed: args.seed,
		..Settings::default()
	};
	let max_redundancy: u32 = <labelchain_runtime::Runtime as pallet_label_voting::Config>::MaxRedundancy::get();
	println!("{}", report::HEADER);
	let orders = args.orders.max(1);
	let mut results = Vec::new();
	for dir in &args.datasets {
		let data = Dataset::read(dir)?;
		for note in report::left_out_of_data_set(&data) {
			eprintln!("{note}");
		}
		let mut dawid_skene_of: Vec<((u64, f64), Option<Vec<Option<DsItem>>>)> = Vec::new();
		for (variant, settings) in variants(&base) {
			if args.no_spammers && settings.spammer_share > 0.0 {
				continue;
			}
			let mut runs = Vec::new();
			for order in 0..orders {
				// Order 0 is the file's (or --shuffle's, seed as given); each
				// further one a shuffle of its own seed (and spammers of it).
				let settings =
					Settings { shuffle: settings.shuffle || order > 0, seed: settings.seed + order, ..settings.clone() };
				let outcome = replay(&data, &settings)?;
				let mut measured = figures(&data, &outcome);
				// Dawid-Skene of each stream of labels (an order, with spammers
				// or without), shared by the variants that replay it.
				let stream = (order, settings.spammer_share);
				if !dawid_skene_of.iter().any(|(key, _)| *key == stream) {
					let result = dawid_skene(data.items.len(), &outcome.rows)
						.map_err(|error| eprintln!("{}: no Dawid-Skene figures: {error:#}", data.name))
						.ok();
					dawid_skene_of.push((stream, result));
				}
				let ds = dawid_skene_of.iter().find(|(key, _)| *key == stream).and_then(|(_, ds)| ds.as_ref());
				if let Some(ds) = ds {
					measured = measured.with_dawid_skene(&data, &outcome, ds);
				}
				let set = format!("{} ({variant})", data.name);
				if let Some(note) = report::left_out_over_redundancy(&set, outcome.over_redundancy, max_redundancy) {
					eprintln!("{note}");
				}
				if let Some(note) = report::gold_note(&set, &measured) {
					eprintln!("{note}");
				}
				if orders == 1 {
					println!("{}", report::row(&data.name, variant, &measured));
				}
				let mut entry = measured.to_json();
				entry["data_set"] = data.name.clone().into();
				entry["variant"] = variant.into();
				entry["order"] = if settings.shuffle { format!("shuffle {}", settings.seed) } else { "file".into() }.into();
				entry["redundancy"] = outcome.redundancy.into();
				entry["repeated_labels"] = data.repeated_labels.into();
				entry["blank_labels"] = data.blank_labels.into();
				entry["labels_over_redundancy"] = outcome.over_redundancy.into();
				results.push(entry);
				runs.push(measured);
			}
			if orders > 1 {
				let (mean, worst) = labelchain_replay::orders::mean_and_worst(&runs);
				println!("{}", report::row(&data.name, &format!("{variant}: mean of {orders}"), &mean));
				println!("{}", report::row(&data.name, &format!("{variant}: worst of {orders}"), &worst));
			}
		}
	}
	if let Some(path) = args.json {
		std::fs::write(&path, serde_json::to_string_pretty(&results)?)?;
	}
	Ok(())
}
