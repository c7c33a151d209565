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
		// Measured proof size: 3469 bytes; fastest run 283_992 ns.
		Weight::from_parts(296_079_000, 293726)
			.saturating_add(T::DbWeight::get().reads(72))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4300 bytes; fastest run 82_946 ns.
		Weight::from_parts(88_893_000, 10138)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn commit(r: u32, ) -> Weight {
		// Measured proof size: 759 + r × 73 bytes; fastest run 55_120 ns.
		Weight::from_parts(59_099_850, 10138)
			.saturating_add(Weight::from_parts(526_520, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `n` in `[1, 64]`.
	fn commit_batch(n: u32, ) -> Weight {
		// Measured proof size: 552 bytes; fastest run 57_522 ns.
		Weight::from_parts(48_420_373, 3866)
			.saturating_add(Weight::from_parts(13_752_275, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9148).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch(n: u32, ) -> Weight {
		// Measured proof size: 506 + n × 97 bytes; fastest run 44_891 ns.
		Weight::from_parts(31_340_952, 3793)
			.saturating_add(Weight::from_parts(17_544_542, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9148).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 567 + r × 67 bytes; fastest run 46_138 ns.
		Weight::from_parts(50_958_178, 10138)
			.saturating_add(Weight::from_parts(4_373_115, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// `r` in `[2, 64]`.
	fn reveal_untallied(r: u32, ) -> Weight {
		// Measured proof size: 559 + r × 67 bytes; fastest run 32_172 ns.
		Weight::from_parts(35_615_459, 10138)
			.saturating_add(Weight::from_parts(460_045, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 1188 + r × 244 bytes; fastest run 187_978 ns.
		Weight::from_parts(76_322_705, 10138)
			.saturating_add(Weight::from_parts(73_740_590, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `n` in `[1, 64]`.
	fn finalize_items(n: u32, ) -> Weight {
		// Measured proof size: 1149 + n × 105 bytes; fastest run 234_559 ns.
		Weight::from_parts(225_330_470, 8799)
			.saturating_add(Weight::from_parts(14_439_874, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9148).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(10))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `a` in `[1, 64]`.
	fn settle_payouts(a: u32, ) -> Weight {
		// Measured proof size: 961 + a × 177 bytes; fastest run 146_736 ns.
		Weight::from_parts(92_714_376, 6196)
			.saturating_add(Weight::from_parts(69_913_219, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 1063 bytes; fastest run 99_251 ns.
		Weight::from_parts(103_451_000, 10138)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 1651 + r × 338 bytes; fastest run 358_433 ns.
		Weight::from_parts(256_524_107, 10138)
			.saturating_add(Weight::from_parts(127_619_223, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(10))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 32 bytes; fastest run 9_487 ns.
		Weight::from_parts(10_116_000, 3493)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn agenda_entry(r: u32, ) -> Weight {
		// Measured proof size: 1442 + r × 247 bytes; fastest run 307_475 ns.
		Weight::from_parts(234_011_218, 10138)
			.saturating_add(Weight::from_parts(73_817_395, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(11))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(11))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn agenda_expired_claims(r: u32, ) -> Weight {
		// Measured proof size: 768 + r × 337 bytes; fastest run 147_488 ns.
		Weight::from_parts(567_270, 10138)
			.saturating_add(Weight::from_parts(89_098_642, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1178 + r × 158 bytes; fastest run 118_754 ns.
		Weight::from_parts(85_401_547, 10138)
			.saturating_add(Weight::from_parts(53_398_083, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1245 + r × 219 bytes; fastest run 267_561 ns.
		Weight::from_parts(174_122_569, 10138)
			.saturating_add(Weight::from_parts(44_938_788, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(8))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn claim() -> Weight {
		Weight::from_parts(296_079_000, 293726)
			.saturating_add(RocksDbWeight::get().reads(72))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(88_893_000, 10138)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit(r: u32, ) -> Weight {
		Weight::from_parts(59_099_850, 10138)
			.saturating_add(Weight::from_parts(526_520, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit_batch(n: u32, ) -> Weight {
		Weight::from_parts(48_420_373, 3866)
			.saturating_add(Weight::from_parts(13_752_275, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9148).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn reveal_batch(n: u32, ) -> Weight {
		Weight::from_parts(31_340_952, 3793)
			.saturating_add(Weight::from_parts(17_544_542, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9148).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(50_958_178, 10138)
			.saturating_add(Weight::from_parts(4_373_115, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2559).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn reveal_untallied(r: u32, ) -> Weight {
		Weight::from_parts(35_615_459, 10138)
			.saturating_add(Weight::from_parts(460_045, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(76_322_705, 10138)
			.saturating_add(Weight::from_parts(73_740_590, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn finalize_items(n: u32, ) -> Weight {
		Weight::from_parts(225_330_470, 8799)
			.saturating_add(Weight::from_parts(14_439_874, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9148).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(10))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn settle_payouts(a: u32, ) -> Weight {
		Weight::from_parts(92_714_376, 6196)
			.saturating_add(Weight::from_parts(69_913_219, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(103_451_000, 10138)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(256_524_107, 10138)
			.saturating_add(Weight::from_parts(127_619_223, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(11))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(10))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(10_116_000, 3493)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		Weight::from_parts(234_011_218, 10138)
			.saturating_add(Weight::from_parts(73_817_395, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(11))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(11))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(r.into())))
	}
	fn agenda_expired_claims(r: u32, ) -> Weight {
		Weight::from_parts(567_270, 10138)
			.saturating_add(Weight::from_parts(89_098_642, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(85_401_547, 10138)
			.saturating_add(Weight::from_parts(53_398_083, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(174_122_569, 10138)
			.saturating_add(Weight::from_parts(44_938_788, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(8))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(r.into())))
	}
}
