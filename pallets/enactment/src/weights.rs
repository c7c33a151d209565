//! Weights for `pallet_enactment`, measured by the runtime's benchmarks.
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
//!   pallet_enactment
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --json-file
//!   /root/.cache/labelchain/bench-target/benchmarks/pallet_enactment.json
//!   --output
//!   pallets/enactment/src/weights.rs
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
	fn enact() -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn enact() -> Weight {
		// Measured proof size: 0 bytes; fastest run 11_852 ns.
		Weight::from_parts(13_946_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn enact() -> Weight {
		Weight::from_parts(13_946_000, 0)
			.saturating_add(RocksDbWeight::get().reads(0))
			.saturating_add(RocksDbWeight::get().writes(0))
	}
}
