//! Weights for `pallet_annotator_stake`.
//!
//! PLACEHOLDERS, not yet measured: the storage reads and writes are counted from
//! the code and the compute part is a conservative estimate. The benchmarks in
//! `benchmarking.rs` exist and run in CI; `scripts/benchmark-weights.sh` (the
//! weights issue) replaces this file with generated, measured values.

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
	fn withdraw(c: u32) -> Weight;
	fn set_minimum_stake() -> Weight;
}

/// Weights for the runtime, priced with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads: `Ledgers`, `MinimumStake`, `Balances::Holds`, `System::Account`.
	/// Writes: `Ledgers`, `Balances::Holds`, `System::Account`.
	fn bond() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Reads: `Ledgers`, `MinimumStake`. Writes: `Ledgers`.
	fn unbond() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Reads: `Ledgers`, `Balances::Holds`, `System::Account`.
	/// Writes: `Ledgers`, `Balances::Holds`, `System::Account`.
	fn withdraw(c: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Writes: `MinimumStake`.
	fn set_minimum_stake() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same estimates priced with RocksDB weights, for tests.
impl WeightInfo for () {
	fn bond() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn unbond() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn withdraw(c: u32) -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn set_minimum_stake() -> Weight {
		Weight::from_parts(10_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
}
