//! Weights for `pallet_validator_set`, measured by the runtime's benchmarks.
//!
//! GENERATED: do not edit; run `scripts/benchmark-weights.sh` to measure again.
//! Measured 2026-12-05 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
//! 50 steps, 20 repeats, wasm execution `Compiled`.
//! Each weight is the measured time (picoseconds of reference time) plus the
//! database reads and writes counted during the run, priced by the runtime's
//! database weights; the proof size is the worst case of the storage touched.
//!
//! Command:
//!   /root/.cache/labelchain/bench-target/release/labelchain-node
//!   benchmark
//!   pallet
//!   --chain
//!   dev
//!   --pallet
//!   pallet_validator_set
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --json-file
//!   /root/.cache/labelchain/bench-target/benchmarks/pallet_validator_set.json
//!   --output
//!   pallets/validator-set/src/weights.rs
//!   --template
//!   scripts/benchmarks/weights.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		// Measured proof size: 1858 bytes; fastest run 30_597 ns.
		Weight::from_parts(34_154_000, 5323)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn remove_validator() -> Weight {
		// Measured proof size: 1081 bytes; fastest run 19_587 ns.
		Weight::from_parts(21_740_000, 2510)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(2))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(34_154_000, 5323)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(21_740_000, 2510)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
}
