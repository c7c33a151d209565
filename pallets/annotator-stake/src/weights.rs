//! Weights for `pallet_annotator_stake`, measured by the runtime's benchmarks.
//!
//! GENERATED: do not edit; run `scripts/benchmark-weights.sh` to measure again.
//! Measured 2026-11-25 on `vm` (Intel(R) Xeon(R) Processor) with benchmark CLI 64.0.0:
//! 50 steps, 20 repeats, wasm execution `Compiled`.
//! Each weight is the measured time (picoseconds of reference time) plus the
//! database reads and writes counted during the run, priced by the runtime's
//! database weights; the proof size is the worst case of the storage touched.
//!
//! Command:
//!   /root/.cache/labelchain/target/release/labelchain-node
//!   benchmark
//!   pallet
//!   --chain
//!   dev
//!   --pallet
//!   pallet_annotator_stake
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --json-file
//!   /root/.cache/labelchain/target/benchmarks/pallet_annotator_stake.json
//!   --output
//!   pallets/annotator-stake/src/weights.rs
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
	fn bond() -> Weight;
	fn unbond() -> Weight;
	fn withdraw(c: u32, ) -> Weight;
	fn set_minimum_stake() -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn bond() -> Weight {
		// Measured proof size: 169 bytes; fastest run 46_852 ns.
		Weight::from_parts(51_225_000, 3866)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn unbond() -> Weight {
		// Measured proof size: 415 bytes; fastest run 11_855 ns.
		Weight::from_parts(13_078_000, 3866)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `c` in `[1, 16]`.
	fn withdraw(c: u32, ) -> Weight {
		// Measured proof size: 170 + c × 20 bytes; fastest run 40_933 ns.
		Weight::from_parts(43_365_133, 3866)
			.saturating_add(Weight::from_parts(37_131, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn set_minimum_stake() -> Weight {
		// Measured proof size: 0 bytes; fastest run 4_757 ns.
		Weight::from_parts(5_415_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(51_225_000, 3866)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn unbond() -> Weight {
		Weight::from_parts(13_078_000, 3866)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn withdraw(c: u32, ) -> Weight {
		Weight::from_parts(43_365_133, 3866)
			.saturating_add(Weight::from_parts(37_131, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn set_minimum_stake() -> Weight {
		Weight::from_parts(5_415_000, 0)
			.saturating_add(RocksDbWeight::get().reads(0))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
}
