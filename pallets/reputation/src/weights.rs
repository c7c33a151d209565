//! Weights for `pallet_reputation`.
//!
//! PLACEHOLDERS, not yet measured: the storage writes are counted from the code
//! and the compute part is a conservative estimate. The benchmark in
//! `benchmarking.rs` exists and runs in CI; `scripts/benchmark-weights.sh` (the
//! weights issue) replaces this file with generated, measured values.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn set_parameters() -> Weight;
}

/// Weights for the runtime, priced with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Writes: `ReputationParameters`.
	fn set_parameters() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same estimate priced with RocksDB weights, for tests.
impl WeightInfo for () {
	fn set_parameters() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
}
