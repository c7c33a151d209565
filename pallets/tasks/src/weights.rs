//! Weights for `pallet_tasks`, measured by the runtime's benchmarks.
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
		// Measured proof size: 43 bytes; fastest run 129_723 ns.
		Weight::from_parts(130_515_000, 3658)
			.saturating_add(Weight::from_parts(4_029_765, 0).saturating_mul(g.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		// Measured proof size: 596 bytes; fastest run 128_320 ns.
		Weight::from_parts(136_215_000, 3810)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn extend_deadline() -> Weight {
		// Measured proof size: 503 bytes; fastest run 65_543 ns.
		Weight::from_parts(74_179_000, 3810)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn cancel_task() -> Weight {
		// Measured proof size: 699 bytes; fastest run 226_565 ns.
		Weight::from_parts(243_256_000, 3810)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn close_task() -> Weight {
		// Measured proof size: 699 bytes; fastest run 224_391 ns.
		Weight::from_parts(239_188_000, 3810)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 70 bytes; fastest run 12_193 ns.
		Weight::from_parts(13_295_000, 3489)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn close_at_deadline() -> Weight {
		// Measured proof size: 699 bytes; fastest run 219_772 ns.
		Weight::from_parts(232_686_000, 3810)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// `n` in `[1, 500]`.
	fn prune_step(n: u32, ) -> Weight {
		// Measured proof size: 871 + n × 137 bytes; fastest run 112_922 ns.
		Weight::from_parts(137_558_619, 3810)
			.saturating_add(Weight::from_parts(15_338_377, 0).saturating_mul(n.into()))
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
		Weight::from_parts(130_515_000, 3658)
			.saturating_add(Weight::from_parts(4_029_765, 0).saturating_mul(g.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(5))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(g.into())))
	}
	fn top_up() -> Weight {
		Weight::from_parts(136_215_000, 3810)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn extend_deadline() -> Weight {
		Weight::from_parts(74_179_000, 3810)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn cancel_task() -> Weight {
		Weight::from_parts(243_256_000, 3810)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn close_task() -> Weight {
		Weight::from_parts(239_188_000, 3810)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(13_295_000, 3489)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn close_at_deadline() -> Weight {
		Weight::from_parts(232_686_000, 3810)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn prune_step(n: u32, ) -> Weight {
		Weight::from_parts(137_558_619, 3810)
			.saturating_add(Weight::from_parts(15_338_377, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
