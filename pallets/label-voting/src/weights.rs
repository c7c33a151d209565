//! Weights for `pallet_label_voting`, measured by the runtime's benchmarks.
//!
//! GENERATED: do not edit; run `scripts/benchmark-weights.sh` to measure again.
//! Measured 2026-12-01 on `vm` (Intel(R) Xeon(R) Processor @ 2.80GHz) with benchmark CLI 64.0.0:
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
	fn agenda_look() -> Weight;
	fn agenda_entry(r: u32, ) -> Weight;
	fn agenda_expired_claims(r: u32, ) -> Weight;
	fn reveal_gold(r: u32, ) -> Weight;
	fn resolve_dispute(r: u32, ) -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim() -> Weight {
		// Measured proof size: 3378 bytes; fastest run 287_653 ns.
		Weight::from_parts(296_943_000, 293566)
			.saturating_add(T::DbWeight::get().reads(72))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4239 bytes; fastest run 84_816 ns.
		Weight::from_parts(93_646_000, 10133)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn commit(r: u32, ) -> Weight {
		// Measured proof size: 698 + r × 73 bytes; fastest run 56_124 ns.
		Weight::from_parts(58_915_056, 10133)
			.saturating_add(Weight::from_parts(606_560, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `n` in `[1, 64]`.
	fn commit_batch(n: u32, ) -> Weight {
		// Measured proof size: 492 bytes; fastest run 56_642 ns.
		Weight::from_parts(48_023_559, 3866)
			.saturating_add(Weight::from_parts(13_897_042, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9143).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch(n: u32, ) -> Weight {
		// Measured proof size: 446 + n × 96 bytes; fastest run 46_164 ns.
		Weight::from_parts(36_591_023, 3733)
			.saturating_add(Weight::from_parts(17_597_296, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9143).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 506 + r × 67 bytes; fastest run 45_705 ns.
		Weight::from_parts(44_829_734, 10133)
			.saturating_add(Weight::from_parts(4_409_046, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// `r` in `[2, 64]`.
	fn reveal_untallied(r: u32, ) -> Weight {
		// Measured proof size: 498 + r × 67 bytes; fastest run 32_106 ns.
		Weight::from_parts(34_584_161, 10133)
			.saturating_add(Weight::from_parts(415_154, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 1023 + r × 244 bytes; fastest run 134_394 ns.
		Weight::from_parts(69_923_217, 10133)
			.saturating_add(Weight::from_parts(70_871_487, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `n` in `[1, 64]`.
	fn finalize_items(n: u32, ) -> Weight {
		// Measured proof size: 986 + n × 104 bytes; fastest run 176_935 ns.
		Weight::from_parts(169_127_136, 6196)
			.saturating_add(Weight::from_parts(13_893_305, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9143).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `a` in `[1, 64]`.
	fn settle_payouts(a: u32, ) -> Weight {
		// Measured proof size: 797 + a × 177 bytes; fastest run 93_865 ns.
		Weight::from_parts(31_377_336, 3733)
			.saturating_add(Weight::from_parts(69_683_912, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 1002 bytes; fastest run 100_565 ns.
		Weight::from_parts(105_459_000, 10133)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 1371 + r × 247 bytes; fastest run 254_154 ns.
		Weight::from_parts(84_820_583, 10133)
			.saturating_add(Weight::from_parts(118_992_987, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 32 bytes; fastest run 9_550 ns.
		Weight::from_parts(10_211_000, 3493)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn agenda_entry(r: u32, ) -> Weight {
		// Measured proof size: 1278 + r × 247 bytes; fastest run 257_734 ns.
		Weight::from_parts(201_872_673, 10133)
			.saturating_add(Weight::from_parts(72_243_039, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(10))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn agenda_expired_claims(r: u32, ) -> Weight {
		// Measured proof size: 707 + r × 337 bytes; fastest run 148_541 ns.
		Weight::from_parts(60_986_509, 10133)
			.saturating_add(Weight::from_parts(84_763_529, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1101 + r × 244 bytes; fastest run 156_475 ns.
		Weight::from_parts(82_664_578, 10133)
			.saturating_add(Weight::from_parts(75_427_743, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1090 + r × 218 bytes; fastest run 218_503 ns.
		Weight::from_parts(117_339_936, 10133)
			.saturating_add(Weight::from_parts(45_416_030, 0).saturating_mul(r.into()))
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
		Weight::from_parts(296_943_000, 293566)
			.saturating_add(RocksDbWeight::get().reads(72))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(93_646_000, 10133)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit(r: u32, ) -> Weight {
		Weight::from_parts(58_915_056, 10133)
			.saturating_add(Weight::from_parts(606_560, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit_batch(n: u32, ) -> Weight {
		Weight::from_parts(48_023_559, 3866)
			.saturating_add(Weight::from_parts(13_897_042, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9143).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn reveal_batch(n: u32, ) -> Weight {
		Weight::from_parts(36_591_023, 3733)
			.saturating_add(Weight::from_parts(17_597_296, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9143).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(44_829_734, 10133)
			.saturating_add(Weight::from_parts(4_409_046, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn reveal_untallied(r: u32, ) -> Weight {
		Weight::from_parts(34_584_161, 10133)
			.saturating_add(Weight::from_parts(415_154, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(69_923_217, 10133)
			.saturating_add(Weight::from_parts(70_871_487, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn finalize_items(n: u32, ) -> Weight {
		Weight::from_parts(169_127_136, 6196)
			.saturating_add(Weight::from_parts(13_893_305, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9143).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn settle_payouts(a: u32, ) -> Weight {
		Weight::from_parts(31_377_336, 3733)
			.saturating_add(Weight::from_parts(69_683_912, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(105_459_000, 10133)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(84_820_583, 10133)
			.saturating_add(Weight::from_parts(118_992_987, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(10_211_000, 3493)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		Weight::from_parts(201_872_673, 10133)
			.saturating_add(Weight::from_parts(72_243_039, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(10))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_expired_claims(r: u32, ) -> Weight {
		Weight::from_parts(60_986_509, 10133)
			.saturating_add(Weight::from_parts(84_763_529, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(82_664_578, 10133)
			.saturating_add(Weight::from_parts(75_427_743, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(117_339_936, 10133)
			.saturating_add(Weight::from_parts(45_416_030, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}
