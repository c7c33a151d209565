//! Weights for `pallet_enactment`.
//!
//! Not yet measured: a first estimate (one event, no storage), to be
//! replaced by `ONLY=pallet_enactment scripts/benchmark-weights.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of each call of this pallet.
pub trait WeightInfo {
	fn enact() -> Weight;
}

/// The measured weights, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn enact() -> Weight {
		Weight::from_parts(20_000_000, 0)
	}
}

/// The same priced with RocksDB weights, for the pallet's tests.
impl WeightInfo for () {
	fn enact() -> Weight {
		Weight::from_parts(20_000_000, 0)
	}
}
