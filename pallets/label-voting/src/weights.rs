//! Weights for `pallet_label_voting`.
//!
//! PLACEHOLDERS, not yet measured: storage reads and writes are counted from the
//! code, per annotator of the item (`r`) where a tally settles it, and the compute
//! part is a conservative estimate. The weights issue generates measured values
//! from benchmarks.

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
	fn reveal(r: u32) -> Weight;
	fn finalize_item(r: u32) -> Weight;
	fn resolve_dispute(r: u32) -> Weight;
	fn appeal() -> Weight;
	fn decide_appeal(r: u32) -> Weight;
	fn reveal_gold(r: u32) -> Weight;
}

/// Settling an item touches, per annotator: their stake ledger, reputation in
/// two domains, their earnings, and for agreeing ones the task, the
/// requester's and their account.
fn settle_per_annotator(db: frame_support::weights::RuntimeDbWeight) -> Weight {
	Weight::from_parts(40_000_000, 1_000).saturating_add(db.reads_writes(7, 7))
}

fn weights(db: frame_support::weights::RuntimeDbWeight) -> [Weight; 4] {
	[
		// claim: task, stake ledger, reputation, open claims, nonce, probes of items.
		Weight::from_parts(80_000_000, 8_000).saturating_add(db.reads_writes(20, 4)),
		// claim_item: task, stake ledger, reputation, open claims, item, settled.
		Weight::from_parts(60_000_000, 4_000).saturating_add(db.reads_writes(6, 3)),
		// commit: task, item, open claims, task progress.
		Weight::from_parts(50_000_000, 4_000).saturating_add(db.reads_writes(4, 3)),
		// reveal / finalize / resolve without settlement: task, item, quality counts.
		Weight::from_parts(60_000_000, 4_000).saturating_add(db.reads_writes(4, 4)),
	]
}

/// Weights for the runtime, priced with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim() -> Weight {
		weights(T::DbWeight::get())[0]
	}
	fn claim_item() -> Weight {
		weights(T::DbWeight::get())[1]
	}
	fn commit() -> Weight {
		weights(T::DbWeight::get())[2]
	}
	fn reveal(r: u32) -> Weight {
		weights(T::DbWeight::get())[3]
			.saturating_add(settle_per_annotator(T::DbWeight::get()).saturating_mul(r.into()))
	}
	fn finalize_item(r: u32) -> Weight {
		Self::reveal(r)
	}
	fn resolve_dispute(r: u32) -> Weight {
		Self::reveal(r).saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
	fn appeal() -> Weight {
		weights(T::DbWeight::get())[3].saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn decide_appeal(r: u32) -> Weight {
		Self::resolve_dispute(r).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn reveal_gold(r: u32) -> Weight {
		Self::resolve_dispute(r).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
}

/// The same estimates priced with RocksDB weights, for tests.
impl WeightInfo for () {
	fn claim() -> Weight {
		weights(RocksDbWeight::get())[0]
	}
	fn claim_item() -> Weight {
		weights(RocksDbWeight::get())[1]
	}
	fn commit() -> Weight {
		weights(RocksDbWeight::get())[2]
	}
	fn reveal(r: u32) -> Weight {
		weights(RocksDbWeight::get())[3]
			.saturating_add(settle_per_annotator(RocksDbWeight::get()).saturating_mul(r.into()))
	}
	fn finalize_item(r: u32) -> Weight {
		Self::reveal(r)
	}
	fn resolve_dispute(r: u32) -> Weight {
		Self::reveal(r).saturating_add(RocksDbWeight::get().reads_writes(3, 3))
	}
	fn appeal() -> Weight {
		weights(RocksDbWeight::get())[3].saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn decide_appeal(r: u32) -> Weight {
		Self::resolve_dispute(r).saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn reveal_gold(r: u32) -> Weight {
		Self::resolve_dispute(r).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
	}
}
