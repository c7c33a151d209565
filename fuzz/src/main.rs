//! `labelchain-fuzz`: runs the labeling fuzzer's harness without a
//! coverage-guided fuzzer.
//!
//!   labelchain-fuzz random --calls 1000000      # seeded random inputs
//!   labelchain-fuzz replay fuzz/corpus          # every input in a directory
//!   labelchain-fuzz grow fuzz/corpus --inputs 2000
//!                                               # keep the random inputs that
//!                                               # reach an outcome the corpus
//!                                               # does not
//!
//! A failing input is written to `crash-<seed>.bin` in the working directory
//! and can be replayed with `replay`.

use std::{
	collections::BTreeSet,
	path::{Path, PathBuf},
	time::Instant,
};

use anyhow::Context;
use clap::{Parser, Subcommand};
use labelchain_fuzz::{random, run, Outcome};

#[derive(Parser)]
#[command(about = "Fuzzes LabelChain's labeling calls in the native runtime")]
struct Args {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Seeded random inputs until `calls` calls have been made.
	Random {
		#[arg(long, default_value_t = 100_000)]
		calls: u64,
		/// The first input's seed; the next inputs take the following ones.
		#[arg(long, default_value_t = 1)]
		seed: u64,
		/// Bytes per input.
		#[arg(long, default_value_t = 4_096)]
		len: usize,
	},
	/// Every input in the given files and directories.
	Replay { paths: Vec<PathBuf> },
	/// Tries `inputs` random inputs and adds to `corpus` those that reach a
	/// call outcome (a call's success or one of its errors) none of the
	/// corpus's inputs reaches.
	Grow {
		corpus: PathBuf,
		#[arg(long, default_value_t = 1_000)]
		inputs: u64,
		#[arg(long, default_value_t = 1)]
		seed: u64,
		#[arg(long, default_value_t = 4_096)]
		len: usize,
	},
}

fn main() -> anyhow::Result<()> {
	match Args::parse().command {
		Command::Random { calls, seed, len } => random_runs(calls, seed, len),
		Command::Replay { paths } => replay(&paths),
		Command::Grow { corpus, inputs, seed, len } => grow(&corpus, inputs, seed, len),
	}
}

/// Runs `bytes`; on a panic, keeps the input as `crash-<name>.bin`.
fn guarded(name: &str, bytes: &[u8]) -> anyhow::Result<Outcome> {
	match std::panic::catch_unwind(|| run(bytes)) {
		Ok(outcome) => Ok(outcome),
		Err(_) => {
			let file = format!("crash-{name}.bin");
			std::fs::write(&file, bytes).context("writing the failing input")?;
			anyhow::bail!("input {name} broke a rule (above); kept as {file}")
		},
	}
}

fn random_runs(calls: u64, first_seed: u64, len: usize) -> anyhow::Result<()> {
	let started = Instant::now();
	let (mut total, mut succeeded, mut blocks, mut inputs) = (0u64, 0u64, 0u64, 0u64);
	let mut reached = BTreeSet::new();
	let mut seed = first_seed;
	while total < calls {
		let outcome = guarded(&seed.to_string(), &random::input(seed, len))?;
		total += outcome.calls;
		succeeded += outcome.succeeded;
		blocks += u64::from(outcome.blocks);
		reached.extend(outcome.reached);
		inputs += 1;
		seed += 1;
		if inputs % 100 == 0 {
			eprintln!("{inputs} inputs, {total} calls, {} outcomes reached", reached.len());
		}
	}
	let seconds = started.elapsed().as_secs_f64();
	println!(
		"{inputs} inputs (seeds {first_seed}..{seed}), {total} calls ({succeeded} succeeded), {blocks} blocks, \
		 {} distinct call outcomes, {seconds:.0} s, {:.0} calls a second",
		reached.len(),
		total as f64 / seconds
	);
	for outcome in &reached {
		println!("  {outcome}");
	}
	Ok(())
}

/// The files of `paths`: files as given, directories' files sorted by name.
fn inputs_in(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
	let mut files = Vec::new();
	for path in paths {
		if path.is_dir() {
			let mut entries: Vec<PathBuf> =
				std::fs::read_dir(path)?.filter_map(|entry| entry.ok().map(|entry| entry.path())).filter(|p| p.is_file()).collect();
			entries.sort();
			files.extend(entries);
		} else {
			files.push(path.clone());
		}
	}
	Ok(files)
}

fn replay(paths: &[PathBuf]) -> anyhow::Result<()> {
	let mut reached = BTreeSet::new();
	let files = inputs_in(paths)?;
	let mut calls = 0;
	for file in &files {
		let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
		let outcome = guarded(&name_of(file), &bytes)?;
		calls += outcome.calls;
		reached.extend(outcome.reached);
	}
	println!("{} inputs, {calls} calls, {} distinct call outcomes", files.len(), reached.len());
	for outcome in &reached {
		println!("  {outcome}");
	}
	Ok(())
}

fn grow(corpus: &Path, inputs: u64, first_seed: u64, len: usize) -> anyhow::Result<()> {
	std::fs::create_dir_all(corpus)?;
	let mut reached = BTreeSet::new();
	for file in inputs_in(&[corpus.to_path_buf()])? {
		reached.extend(guarded(&name_of(&file), &std::fs::read(&file)?)?.reached);
	}
	let before = reached.len();
	let mut kept = 0;
	for seed in first_seed..first_seed + inputs {
		let bytes = random::input(seed, len);
		let outcome = guarded(&seed.to_string(), &bytes)?;
		if outcome.reached.iter().any(|reach| !reached.contains(reach)) {
			reached.extend(outcome.reached);
			std::fs::write(corpus.join(format!("seed-{seed}.bin")), &bytes)?;
			kept += 1;
		}
	}
	println!("kept {kept} of {inputs} inputs; the corpus reaches {} call outcomes (was {before})", reached.len());
	Ok(())
}

fn name_of(file: &Path) -> String {
	file.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default()
}
