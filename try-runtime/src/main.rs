//! `labelchain-try-runtime <state file>`: this tree's runtime, built
//! natively with its try-runtime checks, run against a live chain's state:
//! what `try-runtime-cli on-runtime-upgrade live` does, in process
//! (try-runtime-cli on the Rust registry, 0.42, is built for an older
//! polkadot-sdk than stable2609).
//!
//! The state file is JSON: `{"number": n, "stateRoot": "0x…", "pairs":
//! [["0x key", "0x value"], …]}`, every pair of the block's top trie, as the
//! upgrade test writes it (`e2e/lib/state-file.mjs`) from the node's RPC.
//! Reading a file rather than downloading keeps the checker's dependencies
//! to the runtime's own, so that its first build reuses the crates the
//! benchmark tests compiled (with `frame-remote-externalities` it shared
//! none and took 14 minutes).
//!
//! It rebuilds the state and checks it against the block's state root, then:
//! 1. runs the single-block migrations with their `pre_upgrade` and
//!    `post_upgrade`;
//! 2. runs the runtime upgrade as the chain would (`Executive`), which
//!    starts the multi-block migrations, and steps them to their end a block
//!    at a time (`pallet-migrations` runs each one's `pre_upgrade` before its
//!    first step and `post_upgrade` after its last), the labeling pallets'
//!    hooks waiting as they do on chain;
//! 3. upgrades once more with every pallet's checks
//!    (`try_on_runtime_upgrade`): nothing is left to migrate, and every
//!    pallet's storage version on chain is its version in code. (FRAME's own
//!    `Executive::try_runtime_upgrade` checks the versions right after the
//!    upgrade's block, before any multi-block migration has run, so it
//!    fails a pallet whose version a multi-block migration sets.)
//! 4. runs every pallet's `try_state` on the migrated state.
//!
//! Prints what it did; exits non-zero on the first failed check.

use std::collections::BTreeMap;

use frame_support::{
	migrations::MultiStepMigrator,
	traits::{OnRuntimeUpgrade, TryState, TryStateSelect},
};
use labelchain_runtime::{AllPalletsWithSystem, Executive, Migrations, MultiBlockMigrations, System, VERSION};

/// More blocks than any migration of this runtime takes on a real chain; a
/// migration still running after them is stuck.
const MOST_MIGRATION_BLOCKS: u32 = 10_000;

/// Where the state keeps the runtime's code (`well_known_keys::CODE`).
const CODE_KEY: &[u8] = b":code";

fn main() {
	if let Err(error) = run() {
		eprintln!("try-runtime: {error}");
		std::process::exit(1);
	}
}

fn run() -> Result<(), String> {
	// The checks explain what failed in the log (`RUST_LOG` for more).
	sp_tracing::try_init_simple();
	let path = std::env::args().nth(1).ok_or("usage: labelchain-try-runtime <state file>")?;
	let state = StateFile::read(&path)?;
	let state_version = VERSION.state_version();
	// TestExternalities sets `:code` from its argument, over the pairs'.
	let code = state.pairs.get(CODE_KEY).cloned().unwrap_or_default();
	let storage = sp_runtime::Storage { top: state.pairs, children_default: Default::default() };
	let mut ext = sp_io::TestExternalities::new_with_code_and_state(&code, storage, state_version);
	let root = ext.execute_with(|| sp_io::storage::root(state_version));
	if root != state.state_root {
		return Err(format!(
			"{path}: its pairs give the state root 0x{}, the block's is 0x{}: the file is not the whole state",
			hex(&root),
			hex(&state.state_root)
		));
	}
	let from_block = state.number;
	println!("state of block #{from_block} read and checked against its root; upgrading it to spec {}", VERSION.spec_version);

	ext.execute_with(|| -> Result<(), String> {
		<Migrations as OnRuntimeUpgrade>::try_on_runtime_upgrade(true)
			.map_err(|error| format!("the single-block migrations' checks: {error:?}"))?;
		let weight = Executive::execute_on_runtime_upgrade();
		println!("runtime upgrade: single-block migrations checked, weight {weight}");
		let blocks = step_migrations(from_block)?;
		println!("multi-block migrations: done in {blocks} block(s), their checks passed");

		<AllPalletsWithSystem as OnRuntimeUpgrade>::try_on_runtime_upgrade(true)
			.map_err(|error| format!("the pallets' checks after every migration: {error:?}"))?;
		// Migrations already done are only skipped by now.
		step_migrations(System::block_number())?;
		println!("upgrading again: nothing left to migrate, every storage version in place");

		<AllPalletsWithSystem as TryState<u32>>::try_state(System::block_number(), TryStateSelect::All)
			.map_err(|error| format!("try_state after the migrations: {error:?}"))?;
		println!("try_state of every pallet: passed");
		Ok(())
	})
}

/// Steps the multi-block migrations to their end, a block at a time from
/// block `from`; returns how many blocks they took. A failed check panics
/// inside the step (`pallet-migrations` under try-runtime).
fn step_migrations(from: u32) -> Result<u32, String> {
	let mut blocks = 0;
	while MultiBlockMigrations::ongoing() {
		blocks += 1;
		if blocks > MOST_MIGRATION_BLOCKS {
			return Err(format!("the multi-block migrations did not end in {MOST_MIGRATION_BLOCKS} blocks"));
		}
		System::set_block_number(from.saturating_add(blocks));
		MultiBlockMigrations::step();
	}
	Ok(blocks)
}

/// A block's state as the upgrade test writes it.
struct StateFile {
	number: u32,
	state_root: Vec<u8>,
	pairs: BTreeMap<Vec<u8>, Vec<u8>>,
}

impl StateFile {
	fn read(path: &str) -> Result<Self, String> {
		let text = std::fs::read_to_string(path).map_err(|error| format!("reading {path}: {error}"))?;
		let json: serde_json::Value = serde_json::from_str(&text).map_err(|error| format!("{path}: {error}"))?;
		let field = |name: &str| json.get(name).ok_or_else(|| format!("{path}: no `{name}`"));
		let number = field("number")?
			.as_u64()
			.and_then(|number| u32::try_from(number).ok())
			.ok_or_else(|| format!("{path}: `number` is not a block number"))?;
		let state_root = unhex(field("stateRoot")?.as_str().unwrap_or_default())
			.ok_or_else(|| format!("{path}: `stateRoot` is not hex"))?;
		let mut pairs = BTreeMap::new();
		for pair in field("pairs")?.as_array().ok_or_else(|| format!("{path}: `pairs` is not a list"))? {
			let pair = pair
				.as_array()
				.filter(|pair| pair.len() == 2)
				.and_then(|pair| Some((unhex(pair[0].as_str()?)?, unhex(pair[1].as_str()?)?)))
				.ok_or_else(|| format!("{path}: a pair that is not two hex strings: {pair}"))?;
			pairs.insert(pair.0, pair.1);
		}
		// A child trie's root is a pair of the top trie under this prefix;
		// its own pairs are not in the file, so its checks would read it empty.
		if pairs.keys().any(|key| key.starts_with(b":child_storage:")) {
			return Err(format!("{path}: the chain has child tries, which this checker does not read"));
		}
		Ok(Self { number, state_root, pairs })
	}
}

/// `0x`-prefixed hex to bytes.
fn unhex(text: &str) -> Option<Vec<u8>> {
	let digits = text.strip_prefix("0x")?.as_bytes();
	if digits.len() % 2 != 0 {
		return None;
	}
	digits
		.chunks(2)
		.map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
		.collect()
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
