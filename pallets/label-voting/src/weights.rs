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
	fn commit(r: u32, ) -> Weight;
	fn commit_batch(n: u32, ) -> Weight;
	fn reveal_batch(n: u32, ) -> Weight;
	fn reveal(r: u32, ) -> Weight;
	fn reveal_untallied(r: u32, ) -> Weight;
	fn finalize_item(r: u32, ) -> Weight;
	fn finalize_items(n: u32, ) -> Weight;
	fn settle_payouts(a: u32, ) -> Weight;
	fn appeal() -> Weight;
	fn decide_appeal(r: u32, ) -> Weight;
	fn reveal_gold(r: u32, ) -> Weight;
	fn resolve_dispute(r: u32, ) -> Weight;
	fn agenda_look() -> Weight;
	fn agenda_entry(r: u32, ) -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim() -> Weight {
		// Measured proof size: 3340 bytes; fastest run 200_104 ns.
		Weight::from_parts(212_654_000, 293310)
			.saturating_add(T::DbWeight::get().reads(72))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4163 bytes; fastest run 59_001 ns.
		Weight::from_parts(64_937_000, 10125)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[1, 64]`.
	fn commit(r: u32, ) -> Weight {
		// Measured proof size: 623 + r × 73 bytes; fastest run 34_781 ns.
		Weight::from_parts(36_991_324, 10125)
			.saturating_add(Weight::from_parts(434_146, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 1750).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// `n` in `[1, 64]`.
	fn commit_batch(n: u32, ) -> Weight {
		// Measured proof size: 454 bytes; fastest run 35_937 ns.
		Weight::from_parts(31_991_966, 3866)
			.saturating_add(Weight::from_parts(7_809_936, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9135).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch(n: u32, ) -> Weight {
		// Measured proof size: 418 + n × 47 bytes; fastest run 28_482 ns.
		Weight::from_parts(19_686_663, 3729)
			.saturating_add(Weight::from_parts(11_314_442, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9135).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 431 + r × 67 bytes; fastest run 27_861 ns.
		Weight::from_parts(28_697_000, 10125)
			.saturating_add(Weight::from_parts(2_815_263, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// `r` in `[2, 64]`.
	fn reveal_untallied(r: u32, ) -> Weight {
		// Measured proof size: 423 + r × 67 bytes; fastest run 19_414 ns.
		Weight::from_parts(20_313_108, 10125)
			.saturating_add(Weight::from_parts(347_781, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 950 + r × 243 bytes; fastest run 89_201 ns.
		Weight::from_parts(41_685_429, 10125)
			.saturating_add(Weight::from_parts(49_240_200, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `n` in `[1, 64]`.
	fn finalize_items(n: u32, ) -> Weight {
		// Measured proof size: 958 + n × 47 bytes; fastest run 113_447 ns.
		Weight::from_parts(110_278_190, 6196)
			.saturating_add(Weight::from_parts(9_524_168, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9135).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(8))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `a` in `[1, 64]`.
	fn settle_payouts(a: u32, ) -> Weight {
		// Measured proof size: 769 + a × 176 bytes; fastest run 62_636 ns.
		Weight::from_parts(8_539_434, 3729)
			.saturating_add(Weight::from_parts(47_995_296, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 919 bytes; fastest run 62_238 ns.
		Weight::from_parts(66_637_000, 10125)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 1295 + r × 246 bytes; fastest run 167_863 ns.
		Weight::from_parts(96_496_131, 10125)
			.saturating_add(Weight::from_parts(50_277_788, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		// Measured proof size: 1295 + r × 246 bytes; fastest run 167_863 ns.
		Weight::from_parts(96_496_131, 10125)
			.saturating_add(Weight::from_parts(50_277_788, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(5_000_000, 1000)
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1029 + r × 243 bytes; fastest run 99_784 ns.
		Weight::from_parts(59_543_403, 10125)
			.saturating_add(Weight::from_parts(50_146_822, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1003 + r × 218 bytes; fastest run 141_155 ns.
		Weight::from_parts(51_878_228, 10125)
			.saturating_add(Weight::from_parts(31_465_759, 0).saturating_mul(r.into()))
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
		Weight::from_parts(212_654_000, 293310)
			.saturating_add(RocksDbWeight::get().reads(72))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(64_937_000, 10125)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit(r: u32, ) -> Weight {
		Weight::from_parts(36_991_324, 10125)
			.saturating_add(Weight::from_parts(434_146, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 1750).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn commit_batch(n: u32, ) -> Weight {
		Weight::from_parts(31_991_966, 3866)
			.saturating_add(Weight::from_parts(7_809_936, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9135).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal_batch(n: u32, ) -> Weight {
		Weight::from_parts(19_686_663, 3729)
			.saturating_add(Weight::from_parts(11_314_442, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9135).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(28_697_000, 10125)
			.saturating_add(Weight::from_parts(2_815_263, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn reveal_untallied(r: u32, ) -> Weight {
		Weight::from_parts(20_313_108, 10125)
			.saturating_add(Weight::from_parts(347_781, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(41_685_429, 10125)
			.saturating_add(Weight::from_parts(49_240_200, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn finalize_items(n: u32, ) -> Weight {
		Weight::from_parts(110_278_190, 6196)
			.saturating_add(Weight::from_parts(9_524_168, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9135).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(8))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn settle_payouts(a: u32, ) -> Weight {
		Weight::from_parts(8_539_434, 3729)
			.saturating_add(Weight::from_parts(47_995_296, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(66_637_000, 10125)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(96_496_131, 10125)
			.saturating_add(Weight::from_parts(50_277_788, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		Weight::from_parts(96_496_131, 10125)
			.saturating_add(Weight::from_parts(50_277_788, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(5_000_000, 1000)
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(59_543_403, 10125)
			.saturating_add(Weight::from_parts(50_146_822, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(51_878_228, 10125)
			.saturating_add(Weight::from_parts(31_465_759, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}
