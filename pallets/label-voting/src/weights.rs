//! Weights for `pallet_label_voting`, measured by the runtime's benchmarks.
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
		// Measured proof size: 6039 bytes; fastest run 73_908 ns.
		Weight::from_parts(96_751_000, 6095)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `n` in `[0, 128]`.
	fn draw_claims(n: u32, ) -> Weight {
		// Measured proof size: 4699 + n × 179 bytes; fastest run 8_105 ns.
		Weight::from_parts(8_636_000, 293790)
			.saturating_add(Weight::from_parts(179_885_390, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(63))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn claim_item() -> Weight {
		// Measured proof size: 4449 bytes; fastest run 84_468 ns.
		Weight::from_parts(99_126_000, 10140)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// `r` in `[2, 64]`.
	fn commit(r: u32, ) -> Weight {
		// Measured proof size: 901 + r × 73 bytes; fastest run 73_999 ns.
		Weight::from_parts(75_529_537, 10140)
			.saturating_add(Weight::from_parts(775_402, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// `n` in `[1, 64]`.
	fn commit_batch(n: u32, ) -> Weight {
		// Measured proof size: 632 bytes; fastest run 71_624 ns.
		Weight::from_parts(65_488_428, 3866)
			.saturating_add(Weight::from_parts(19_111_441, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch(n: u32, ) -> Weight {
		// Measured proof size: 680 + n × 164 bytes; fastest run 38_603 ns.
		Weight::from_parts(40_144_679, 3810)
			.saturating_add(Weight::from_parts(11_270_189, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(0))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `n` in `[1, 64]`.
	fn reveal_batch_tallying(n: u32, ) -> Weight {
		// Measured proof size: 1026 + n × 252 bytes; fastest run 98_605 ns.
		Weight::from_parts(73_343_933, 4563)
			.saturating_add(Weight::from_parts(64_773_234, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal(r: u32, ) -> Weight {
		// Measured proof size: 970 + r × 152 bytes; fastest run 83_777 ns.
		Weight::from_parts(74_051_904, 10140)
			.saturating_add(Weight::from_parts(15_702_966, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `r` in `[1, 64]`.
	fn reveal_two_classes(r: u32, ) -> Weight {
		// Measured proof size: 736 + r × 143 bytes; fastest run 68_758 ns.
		Weight::from_parts(67_673_592, 10140)
			.saturating_add(Weight::from_parts(8_620_324, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// `r` in `[2, 64]`.
	fn reveal_untallied(r: u32, ) -> Weight {
		// Measured proof size: 708 + r × 67 bytes; fastest run 37_931 ns.
		Weight::from_parts(41_116_500, 10140)
			.saturating_add(Weight::from_parts(408_330, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn finalize_item(r: u32, ) -> Weight {
		// Measured proof size: 1612 + r × 330 bytes; fastest run 253_636 ns.
		Weight::from_parts(127_257_866, 10140)
			.saturating_add(Weight::from_parts(100_026_113, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(10))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	/// `n` in `[1, 64]`.
	fn finalize_items(n: u32, ) -> Weight {
		// Measured proof size: 1689 + n × 107 bytes; fastest run 311_985 ns.
		Weight::from_parts(312_327_844, 8799)
			.saturating_add(Weight::from_parts(43_693_504, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(16))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// `a` in `[1, 64]`.
	fn settle_payouts(a: u32, ) -> Weight {
		// Measured proof size: 1327 + a × 263 bytes; fastest run 174_767 ns.
		Weight::from_parts(79_047_017, 6196)
			.saturating_add(Weight::from_parts(84_075_461, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(5))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		// Measured proof size: 1238 bytes; fastest run 118_993 ns.
		Weight::from_parts(127_189_000, 10140)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// `r` in `[1, 64]`.
	fn decide_appeal(r: u32, ) -> Weight {
		// Measured proof size: 2266 + r × 423 bytes; fastest run 468_739 ns.
		Weight::from_parts(174_768_285, 10140)
			.saturating_add(Weight::from_parts(175_887_941, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(15))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(14))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		// Measured proof size: 69 bytes; fastest run 12_764 ns.
		Weight::from_parts(14_587_000, 3493)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// `r` in `[1, 64]`.
	fn agenda_entry(r: u32, ) -> Weight {
		// Measured proof size: 1871 + r × 333 bytes; fastest run 403_216 ns.
		Weight::from_parts(264_856_680, 10140)
			.saturating_add(Weight::from_parts(111_819_910, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(16))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn agenda_expired_claims(r: u32, ) -> Weight {
		// Measured proof size: 945 + r × 337 bytes; fastest run 182_111 ns.
		Weight::from_parts(96_345_940, 10140)
			.saturating_add(Weight::from_parts(103_419_113, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_gold(r: u32, ) -> Weight {
		// Measured proof size: 1506 + r × 163 bytes; fastest run 247_474 ns.
		Weight::from_parts(176_661_275, 10140)
			.saturating_add(Weight::from_parts(27_799_552, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	/// `r` in `[1, 64]`.
	fn reveal_second_gold(r: u32, ) -> Weight {
		// Measured proof size: 1361 + r × 158 bytes; fastest run 171_031 ns.
		Weight::from_parts(126_172_906, 10140)
			.saturating_add(Weight::from_parts(58_441_981, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	/// `r` in `[2, 64]`.
	fn resolve_dispute(r: u32, ) -> Weight {
		// Measured proof size: 1651 + r × 375 bytes; fastest run 413_846 ns.
		Weight::from_parts(151_226_687, 10140)
			.saturating_add(Weight::from_parts(112_788_336, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(13))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(12))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
}

/// The same measurements priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn claim() -> Weight {
		Weight::from_parts(96_751_000, 6095)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn draw_claims(n: u32, ) -> Weight {
		Weight::from_parts(8_636_000, 293790)
			.saturating_add(Weight::from_parts(179_885_390, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(63))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn claim_item() -> Weight {
		Weight::from_parts(99_126_000, 10140)
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn commit(r: u32, ) -> Weight {
		Weight::from_parts(75_529_537, 10140)
			.saturating_add(Weight::from_parts(775_402, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn commit_batch(n: u32, ) -> Weight {
		Weight::from_parts(65_488_428, 3866)
			.saturating_add(Weight::from_parts(19_111_441, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn reveal_batch(n: u32, ) -> Weight {
		Weight::from_parts(40_144_679, 3810)
			.saturating_add(Weight::from_parts(11_270_189, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(0))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal_batch_tallying(n: u32, ) -> Weight {
		Weight::from_parts(73_343_933, 4563)
			.saturating_add(Weight::from_parts(64_773_234, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
	}
	fn reveal(r: u32, ) -> Weight {
		Weight::from_parts(74_051_904, 10140)
			.saturating_add(Weight::from_parts(15_702_966, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn reveal_two_classes(r: u32, ) -> Weight {
		Weight::from_parts(67_673_592, 10140)
			.saturating_add(Weight::from_parts(8_620_324, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn reveal_untallied(r: u32, ) -> Weight {
		Weight::from_parts(41_116_500, 10140)
			.saturating_add(Weight::from_parts(408_330, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn finalize_item(r: u32, ) -> Weight {
		Weight::from_parts(127_257_866, 10140)
			.saturating_add(Weight::from_parts(100_026_113, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(10))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn finalize_items(n: u32, ) -> Weight {
		Weight::from_parts(312_327_844, 8799)
			.saturating_add(Weight::from_parts(43_693_504, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 9150).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(16))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(16))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn settle_payouts(a: u32, ) -> Weight {
		Weight::from_parts(79_047_017, 6196)
			.saturating_add(Weight::from_parts(84_075_461, 0).saturating_mul(a.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(a.into())))
			.saturating_add(RocksDbWeight::get().writes(5))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(a.into())))
	}
	fn appeal() -> Weight {
		Weight::from_parts(127_189_000, 10140)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn decide_appeal(r: u32, ) -> Weight {
		Weight::from_parts(174_768_285, 10140)
			.saturating_add(Weight::from_parts(175_887_941, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(15))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(14))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn agenda_look() -> Weight {
		Weight::from_parts(14_587_000, 3493)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn agenda_entry(r: u32, ) -> Weight {
		Weight::from_parts(264_856_680, 10140)
			.saturating_add(Weight::from_parts(111_819_910, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(16))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(16))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
	fn agenda_expired_claims(r: u32, ) -> Weight {
		Weight::from_parts(96_345_940, 10140)
			.saturating_add(Weight::from_parts(103_419_113, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(r.into())))
	}
	fn reveal_gold(r: u32, ) -> Weight {
		Weight::from_parts(176_661_275, 10140)
			.saturating_add(Weight::from_parts(27_799_552, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2798).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(9))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	fn reveal_second_gold(r: u32, ) -> Weight {
		Weight::from_parts(126_172_906, 10140)
			.saturating_add(Weight::from_parts(58_441_981, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(4))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
	}
	fn resolve_dispute(r: u32, ) -> Weight {
		Weight::from_parts(151_226_687, 10140)
			.saturating_add(Weight::from_parts(112_788_336, 0).saturating_mul(r.into()))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(13))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(12))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(r.into())))
	}
}
