//! Weights for `pallet_label_voting`, measured by the runtime's benchmarks.
//!
//! GENERATED: do not edit; run `scripts/benchmark-weights.sh` to measure again.
//! Measured 2026-12-04 on `vm` (AMD EPYC) with benchmark CLI 64.0.0:
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
//!   /root/.cache/labelchain/bench-target/benchmarks/pallet_label_voting.json
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
	fn reveal_batch_tallying(n: u32, ) -> Weight;
	fn reveal(r: u32, ) -> Weight;
	fn reveal_two_classes(r: u32, ) -> Weight;
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
	fn reveal_second_gold(r: u32, ) -> Weight;
	fn resolve_dispute(r: u32, ) -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim() -> Weight {
		// Measured proof size: 5975 bytes; fastest run 79_930 ns.
		Weight::from_parts(101_881_000, 6095)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `n` in `[0, 128]`.
	fn draw_claims(n: u32, ) -> Weight {
		// Measured proof size: 4635 + n × 179 bytes; fastest run 4_779 ns.
		Weight::from_parts(20_533_435, 293790)
			.saturating_add(Weight::from_parts(177_072_754, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(63))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4352 bytes; fastest run 90_841 ns.
		Weight::from_parts(105_318_000, 10140)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn commit(r: u32, ) -> Weight {
		// Measured proof size: 797 + r × 73 bytes; fastest run 65_412 ns.
		Weight::from_parts(95_730_951, 10140)
			.saturating_add(Weight::from_parts(305_302, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `n` in `[1, 64]`.
	fn commit_batch(n: u32, ) -> Weight {
		// Measured proof size: 569 bytes; fastest run 65_623 ns.
		Weight::from_parts(52_310_004, 3866)
			.saturating_add(Weight::from_parts(17_062_092, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch(n: u32, ) -> Weight {
		// Measured proof size: 583 + n × 164 bytes; fastest run 36_218 ns.
		Weight::from_parts(23_922_492, 3810)
			.saturating_add(Weight::from_parts(11_115_964, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(0))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch_tallying(n: u32, ) -> Weight {
		// Measured proof size: 922 + n × 252 bytes; fastest run 94_096 ns.
		Weight::from_parts(94_798_000, 4563)
			.saturating_add(Weight::from_parts(59_419_499, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 866 + r × 152 bytes; fastest run 80_551 ns.
		Weight::from_parts(93_412_065, 10140)
			.saturating_add(Weight::from_parts(16_763_993, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[1, 64]`.
	fn reveal_two_classes(r: u32, ) -> Weight {
		// Measured proof size: 632 + r × 143 bytes; fastest run 66_525 ns.
		Weight::from_parts(72_218_205, 10140)
			.saturating_add(Weight::from_parts(9_881_201, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn reveal_untallied(r: u32, ) -> Weight {
		// Measured proof size: 611 + r × 67 bytes; fastest run 36_388 ns.
		Weight::from_parts(58_038_198, 10140)
			.saturating_add(Weight::from_parts(411_843, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 1508 + r × 330 bytes; fastest run 399_800 ns.
		Weight::from_parts(504_487_509, 10140)
			.saturating_add(Weight::from_parts(103_638_353, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	/// `n` in `[1, 64]`.
	fn finalize_items(n: u32, ) -> Weight {
		// Measured proof size: 1585 + n × 107 bytes; fastest run 317_676 ns.
		Weight::from_parts(548_108_947, 8799)
			.saturating_add(Weight::from_parts(43_326_974, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(14))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `a` in `[1, 64]`.
	fn settle_payouts(a: u32, ) -> Weight {
		// Measured proof size: 1263 + a × 263 bytes; fastest run 179_006 ns.
		Weight::from_parts(181_159_000, 6196)
			.saturating_add(Weight::from_parts(88_420_986, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 1134 bytes; fastest run 112_150 ns.
		Weight::from_parts(119_935_000, 10140)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 2162 + r × 423 bytes; fastest run 461_155 ns.
		Weight::from_parts(85_686_238, 10140)
			.saturating_add(Weight::from_parts(202_341_666, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(13))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 32 bytes; fastest run 10_009 ns.
		Weight::from_parts(11_441_000, 3493)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn agenda_entry(r: u32, ) -> Weight {
		// Measured proof size: 1765 + r × 333 bytes; fastest run 388_569 ns.
		Weight::from_parts(390_793_000, 10140)
			.saturating_add(Weight::from_parts(136_241_642, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(14))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(14))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn agenda_expired_claims(r: u32, ) -> Weight {
		// Measured proof size: 839 + r × 337 bytes; fastest run 164_168 ns.
		Weight::from_parts(387_455_552, 10140)
			.saturating_add(Weight::from_parts(93_477_427, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1402 + r × 163 bytes; fastest run 290_926 ns.
		Weight::from_parts(143_567_907, 10140)
			.saturating_add(Weight::from_parts(37_724_720, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(8))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_second_gold(r: u32, ) -> Weight {
		// Measured proof size: 1264 + r × 158 bytes; fastest run 129_162 ns.
		Weight::from_parts(118_717_689, 10140)
			.saturating_add(Weight::from_parts(61_287_335, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1547 + r × 375 bytes; fastest run 438_512 ns.
		Weight::from_parts(454_172_570, 10140)
			.saturating_add(Weight::from_parts(106_378_557, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(11))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn claim() -> Weight {
		Weight::from_parts(101_881_000, 6095)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn draw_claims(n: u32, ) -> Weight {
		Weight::from_parts(20_533_435, 293790)
			.saturating_add(Weight::from_parts(177_072_754, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(63))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(105_318_000, 10140)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit(r: u32, ) -> Weight {
		Weight::from_parts(95_730_951, 10140)
			.saturating_add(Weight::from_parts(305_302, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn commit_batch(n: u32, ) -> Weight {
		Weight::from_parts(52_310_004, 3866)
			.saturating_add(Weight::from_parts(17_062_092, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn reveal_batch(n: u32, ) -> Weight {
		Weight::from_parts(23_922_492, 3810)
			.saturating_add(Weight::from_parts(11_115_964, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(0))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal_batch_tallying(n: u32, ) -> Weight {
		Weight::from_parts(94_798_000, 4563)
			.saturating_add(Weight::from_parts(59_419_499, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(93_412_065, 10140)
			.saturating_add(Weight::from_parts(16_763_993, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn reveal_two_classes(r: u32, ) -> Weight {
		Weight::from_parts(72_218_205, 10140)
			.saturating_add(Weight::from_parts(9_881_201, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn reveal_untallied(r: u32, ) -> Weight {
		Weight::from_parts(58_038_198, 10140)
			.saturating_add(Weight::from_parts(411_843, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(504_487_509, 10140)
			.saturating_add(Weight::from_parts(103_638_353, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn finalize_items(n: u32, ) -> Weight {
		Weight::from_parts(548_108_947, 8799)
			.saturating_add(Weight::from_parts(43_326_974, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(14))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(14))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn settle_payouts(a: u32, ) -> Weight {
		Weight::from_parts(181_159_000, 6196)
			.saturating_add(Weight::from_parts(88_420_986, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(5))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(119_935_000, 10140)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(85_686_238, 10140)
			.saturating_add(Weight::from_parts(202_341_666, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(14))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(13))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(11_441_000, 3493)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		Weight::from_parts(390_793_000, 10140)
			.saturating_add(Weight::from_parts(136_241_642, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(14))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(14))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn agenda_expired_claims(r: u32, ) -> Weight {
		Weight::from_parts(387_455_552, 10140)
			.saturating_add(Weight::from_parts(93_477_427, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(5))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(143_567_907, 10140)
			.saturating_add(Weight::from_parts(37_724_720, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(8))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	fn reveal_second_gold(r: u32, ) -> Weight {
		Weight::from_parts(118_717_689, 10140)
			.saturating_add(Weight::from_parts(61_287_335, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(454_172_570, 10140)
			.saturating_add(Weight::from_parts(106_378_557, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(11))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
}
