//! Weights for `pallet_label_voting`, measured by the runtime's benchmarks.
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
//!   pallet_label_voting
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --json-file
//!   /root/.cache/labelchain/target/benchmarks/pallet_label_voting.json
//!   --output
//!   pallets/label-voting/src/weights.rs
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
	fn claim() -> Weight;
	fn claim_item() -> Weight;
	fn commit() -> Weight;
	fn reveal(r: u32, ) -> Weight;
	fn finalize_item(r: u32, ) -> Weight;
	fn appeal() -> Weight;
	fn decide_appeal(r: u32, ) -> Weight;
	fn reveal_gold(r: u32, ) -> Weight;
	fn resolve_dispute(r: u32, ) -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim() -> Weight {
		// Measured proof size: 3340 bytes; fastest run 200_744 ns.
		Weight::from_parts(216_332_000, 293310)
			.saturating_add(T::DbWeight::get().reads(72))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4163 bytes; fastest run 60_844 ns.
		Weight::from_parts(68_408_000, 10125)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn commit() -> Weight {
		// Measured proof size: 5231 bytes; fastest run 49_556 ns.
		Weight::from_parts(56_587_000, 10125)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 431 + r × 67 bytes; fastest run 28_544 ns.
		Weight::from_parts(28_361_444, 10125)
			.saturating_add(Weight::from_parts(2_900_427, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 950 + r × 243 bytes; fastest run 86_999 ns.
		Weight::from_parts(47_209_007, 10125)
			.saturating_add(Weight::from_parts(48_344_700, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 919 bytes; fastest run 62_861 ns.
		Weight::from_parts(67_491_000, 10125)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 1295 + r × 246 bytes; fastest run 167_552 ns.
		Weight::from_parts(136_380_433, 10125)
			.saturating_add(Weight::from_parts(48_447_531, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1029 + r × 243 bytes; fastest run 100_324 ns.
		Weight::from_parts(48_477_762, 10125)
			.saturating_add(Weight::from_parts(50_933_017, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1003 + r × 218 bytes; fastest run 144_421 ns.
		Weight::from_parts(56_950_661, 10125)
			.saturating_add(Weight::from_parts(32_237_406, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn claim() -> Weight {
		Weight::from_parts(216_332_000, 293310)
			.saturating_add(RocksDbWeight::get().reads(72))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(68_408_000, 10125)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit() -> Weight {
		Weight::from_parts(56_587_000, 10125)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(28_361_444, 10125)
			.saturating_add(Weight::from_parts(2_900_427, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(47_209_007, 10125)
			.saturating_add(Weight::from_parts(48_344_700, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(67_491_000, 10125)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(136_380_433, 10125)
			.saturating_add(Weight::from_parts(48_447_531, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(48_477_762, 10125)
			.saturating_add(Weight::from_parts(50_933_017, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(56_950_661, 10125)
			.saturating_add(Weight::from_parts(32_237_406, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}
