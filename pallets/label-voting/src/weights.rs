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
	fn draw_claims(n: u32, ) -> Weight;
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
		// Measured proof size: 5958 bytes; fastest run 68_647 ns.
		Weight::from_parts(80_619_000, 6095)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `n` in `[0, 128]`.
	fn draw_claims(n: u32, ) -> Weight {
		// Measured proof size: 4618 + n × 179 bytes; fastest run 4_169 ns.
		Weight::from_parts(17_910_831, 293790)
			.saturating_add(Weight::from_parts(145_092_832, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(63))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4335 bytes; fastest run 82_438 ns.
		Weight::from_parts(87_717_000, 10140)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn commit(r: u32, ) -> Weight {
		// Measured proof size: 813 + r × 73 bytes; fastest run 60_912 ns.
		Weight::from_parts(65_740_922, 10140)
			.saturating_add(Weight::from_parts(506_912, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `n` in `[1, 64]`.
	fn commit_batch(n: u32, ) -> Weight {
		// Measured proof size: 552 bytes; fastest run 60_867 ns.
		Weight::from_parts(51_459_941, 3866)
			.saturating_add(Weight::from_parts(15_843_244, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch(n: u32, ) -> Weight {
		// Measured proof size: 558 + n × 99 bytes; fastest run 50_921 ns.
		Weight::from_parts(34_479_999, 3793)
			.saturating_add(Weight::from_parts(19_648_679, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 621 + r × 67 bytes; fastest run 50_899 ns.
		Weight::from_parts(55_103_742, 10140)
			.saturating_add(Weight::from_parts(4_164_373, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn reveal_untallied(r: u32, ) -> Weight {
		// Measured proof size: 594 + r × 67 bytes; fastest run 32_442 ns.
		Weight::from_parts(35_998_964, 10140)
			.saturating_add(Weight::from_parts(499_631, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 1242 + r × 244 bytes; fastest run 194_837 ns.
		Weight::from_parts(132_400_888, 10140)
			.saturating_add(Weight::from_parts(70_683_091, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(8))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `n` in `[1, 64]`.
	fn finalize_items(n: u32, ) -> Weight {
		// Measured proof size: 1201 + n × 107 bytes; fastest run 235_661 ns.
		Weight::from_parts(231_697_791, 8799)
			.saturating_add(Weight::from_parts(16_206_879, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(11))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `a` in `[1, 64]`.
	fn settle_payouts(a: u32, ) -> Weight {
		// Measured proof size: 961 + a × 177 bytes; fastest run 147_442 ns.
		Weight::from_parts(86_474_757, 6196)
			.saturating_add(Weight::from_parts(69_228_249, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 1117 bytes; fastest run 104_905 ns.
		Weight::from_parts(109_894_000, 10140)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 1705 + r × 338 bytes; fastest run 371_482 ns.
		Weight::from_parts(223_397_203, 10140)
			.saturating_add(Weight::from_parts(128_385_639, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(11))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 32 bytes; fastest run 9_426 ns.
		Weight::from_parts(10_099_000, 3493)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn agenda_entry(r: u32, ) -> Weight {
		// Measured proof size: 1496 + r × 247 bytes; fastest run 303_909 ns.
		Weight::from_parts(244_203_285, 10140)
			.saturating_add(Weight::from_parts(70_988_855, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(12))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn agenda_expired_claims(r: u32, ) -> Weight {
		// Measured proof size: 822 + r × 337 bytes; fastest run 150_464 ns.
		Weight::from_parts(57_275_218, 10140)
			.saturating_add(Weight::from_parts(84_256_928, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1213 + r × 158 bytes; fastest run 118_371 ns.
		Weight::from_parts(51_011_081, 10140)
			.saturating_add(Weight::from_parts(52_985_911, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1299 + r × 219 bytes; fastest run 278_849 ns.
		Weight::from_parts(200_444_067, 10140)
			.saturating_add(Weight::from_parts(44_623_625, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn claim() -> Weight {
		Weight::from_parts(80_619_000, 6095)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn draw_claims(n: u32, ) -> Weight {
		Weight::from_parts(17_910_831, 293790)
			.saturating_add(Weight::from_parts(145_092_832, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(63))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(87_717_000, 10140)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit(r: u32, ) -> Weight {
		Weight::from_parts(65_740_922, 10140)
			.saturating_add(Weight::from_parts(506_912, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn commit_batch(n: u32, ) -> Weight {
		Weight::from_parts(51_459_941, 3866)
			.saturating_add(Weight::from_parts(15_843_244, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn reveal_batch(n: u32, ) -> Weight {
		Weight::from_parts(34_479_999, 3793)
			.saturating_add(Weight::from_parts(19_648_679, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(55_103_742, 10140)
			.saturating_add(Weight::from_parts(4_164_373, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn reveal_untallied(r: u32, ) -> Weight {
		Weight::from_parts(35_998_964, 10140)
			.saturating_add(Weight::from_parts(499_631, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(132_400_888, 10140)
			.saturating_add(Weight::from_parts(70_683_091, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(8))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn finalize_items(n: u32, ) -> Weight {
		Weight::from_parts(231_697_791, 8799)
			.saturating_add(Weight::from_parts(16_206_879, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(11))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(11))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn settle_payouts(a: u32, ) -> Weight {
		Weight::from_parts(86_474_757, 6196)
			.saturating_add(Weight::from_parts(69_228_249, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(109_894_000, 10140)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(223_397_203, 10140)
			.saturating_add(Weight::from_parts(128_385_639, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(11))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(10_099_000, 3493)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		Weight::from_parts(244_203_285, 10140)
			.saturating_add(Weight::from_parts(70_988_855, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(12))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_expired_claims(r: u32, ) -> Weight {
		Weight::from_parts(57_275_218, 10140)
			.saturating_add(Weight::from_parts(84_256_928, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(5))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(51_011_081, 10140)
			.saturating_add(Weight::from_parts(52_985_911, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(200_444_067, 10140)
			.saturating_add(Weight::from_parts(44_623_625, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}
