//! Weights for `pallet_tasks`.
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
	fn create_task(g: u32) -> Weight;
	fn top_up() -> Weight;
	fn extend_deadline() -> Weight;
	fn cancel_task() -> Weight;
	fn close_task() -> Weight;
}

/// Weights for the runtime, priced with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads: `NextTaskId`, `Balances::Holds`, `System::Account`.
	/// Writes: `NextTaskId`, `Tasks`, `Balances::Holds`, `System::Account`, and one
	/// `GoldCommitments` entry per gold commitment.
	fn create_task(g: u32) -> Weight {
		Weight::from_parts(80_000_000, 4_000)
			.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().writes(g.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Reads: `Tasks`, `Balances::Holds`, `System::Account`. Writes: the same.
	fn top_up() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Reads: `Tasks`. Writes: `Tasks`.
	fn extend_deadline() -> Weight {
		Weight::from_parts(30_000_000, 1_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Reads: `Tasks`, `Balances::Holds`, `System::Account`. Writes: the same.
	fn cancel_task() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Reads: `Tasks`, `Balances::Holds`, `System::Account`. Writes: the same.
	fn close_task() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
}

/// The same estimates priced with RocksDB weights, for tests.
impl WeightInfo for () {
	fn create_task(g: u32) -> Weight {
		Weight::from_parts(80_000_000, 4_000)
			.saturating_add(Weight::from_parts(200_000, 0).saturating_mul(g.into()))
			.saturating_add(RocksDbWeight::get().writes(g.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn top_up() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn extend_deadline() -> Weight {
		Weight::from_parts(30_000_000, 1_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn cancel_task() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn close_task() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
}
