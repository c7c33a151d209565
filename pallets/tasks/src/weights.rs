//! Weights for `pallet_tasks`, measured by the runtime's benchmarks.
//!
//! GENERATED: do not edit; run `scripts/benchmark-weights.sh` to measure again.
//! Measured 2026-12-02 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
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
//!   pallet_tasks
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --json-file
//!   /root/.cache/labelchain/bench-target/benchmarks/pallet_tasks.json
//!   --output
//!   pallets/tasks/src/weights.rs
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
	fn create_task(g: u32, ) -> Weight;
	fn top_up() -> Weight;
	fn extend_deadline() -> Weight;
	fn cancel_task() -> Weight;
	fn close_task() -> Weight;
	fn agenda_look() -> Weight;
	fn close_at_deadline() -> Weight;
	fn prune_step(n: u32, ) -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// `g` in `[0, 10000]`.
	fn create_task(g: u32, ) -> Weight {
		// Measured proof size: 43 bytes; fastest run 101_181 ns.
		Weight::from_parts(102_292_000, 3604)
			.saturating_add(Weight::from_parts(3_734_853, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		// Measured proof size: 568 bytes; fastest run 127_659 ns.
		Weight::from_parts(171_765_000, 3809)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn extend_deadline() -> Weight {
		// Measured proof size: 475 bytes; fastest run 71_557 ns.
		Weight::from_parts(88_141_000, 3809)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn cancel_task() -> Weight {
		// Measured proof size: 671 bytes; fastest run 203_062 ns.
		Weight::from_parts(227_609_000, 3809)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn close_task() -> Weight {
		// Measured proof size: 671 bytes; fastest run 202_111 ns.
		Weight::from_parts(252_986_000, 3809)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 70 bytes; fastest run 7_771 ns.
		Weight::from_parts(13_199_000, 3489)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn close_at_deadline() -> Weight {
		// Measured proof size: 671 bytes; fastest run 200_698 ns.
		Weight::from_parts(279_386_000, 3809)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// `n` in `[1, 500]`.
	fn prune_step(n: u32, ) -> Weight {
		// Measured proof size: 806 + n × 137 bytes; fastest run 122_903 ns.
		Weight::from_parts(128_991_000, 3809)
			.saturating_add(Weight::from_parts(17_007_431, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn create_task(g: u32, ) -> Weight {
		Weight::from_parts(102_292_000, 3604)
			.saturating_add(Weight::from_parts(3_734_853, 0).saturating_mul(g.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		Weight::from_parts(171_765_000, 3809)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn extend_deadline() -> Weight {
		Weight::from_parts(88_141_000, 3809)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn cancel_task() -> Weight {
		Weight::from_parts(227_609_000, 3809)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn close_task() -> Weight {
		Weight::from_parts(252_986_000, 3809)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(13_199_000, 3489)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn close_at_deadline() -> Weight {
		Weight::from_parts(279_386_000, 3809)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn prune_step(n: u32, ) -> Weight {
		Weight::from_parts(128_991_000, 3809)
			.saturating_add(Weight::from_parts(17_007_431, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
