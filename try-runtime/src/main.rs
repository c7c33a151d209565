//! `labelchain-try-runtime <node ws url> [block hash]`: this tree's runtime,
//! built natively with its try-runtime checks, run against the state of a
//! live chain: what `try-runtime-cli on-runtime-upgrade live` does, in
//! process (try-runtime-cli on the Rust registry, 0.42, is built for an older
//! polkadot-sdk than stable2609; `frame-remote-externalities` of stable2609
//! is the same state download).
//!
//! It downloads the chain's state at the block (default: the finalized
//! head, checked against the header's state root), then:
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

use frame_remote_externalities::{Builder, Mode, OnlineConfig};
use frame_support::{
	migrations::MultiStepMigrator,
	traits::{OnRuntimeUpgrade, TryState, TryStateSelect},
};
use labelchain_runtime::{AllPalletsWithSystem, Block, Executive, Migrations, MultiBlockMigrations, System, VERSION};

/// More blocks than any migration of this runtime takes on a real chain; a
/// migration still running after them is stuck.
const MOST_MIGRATION_BLOCKS: u32 = 10_000;

#[tokio::main]
async fn main() {
	if let Err(error) = run().await {
		eprintln!("try-runtime: {error}");
		std::process::exit(1);
	}
}

async fn run() -> Result<(), String> {
	// The checks explain what failed in the log (`RUST_LOG` for more).
	sp_tracing::try_init_simple();
	let mut args = std::env::args().skip(1);
	let uri = args.next().ok_or("usage: labelchain-try-runtime <node ws url> [block hash]")?;
	let at = args
		.next()
		.map(|hash| hash.parse().map_err(|_| format!("`{hash}` is not a block hash")))
		.transpose()?;
	let mut ext = Builder::<Block>::new()
		.mode(Mode::Online(OnlineConfig { at, ..OnlineConfig::from(uri.clone()) }))
		.build()
		.await
		.map_err(|error| format!("downloading the state from {uri}: {error}"))?;
	let from_block = ext.header.number;
	println!("state of block #{from_block} downloaded; upgrading it to spec {}", VERSION.spec_version);

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
