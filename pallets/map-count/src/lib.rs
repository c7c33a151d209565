//! One step of a multi-block migration that reads a storage map in key
//! order, from where the last step stopped, and adds each entry into a
//! running total: how a pallet counts, once, what it then keeps counted as
//! its storage changes (`pallet-tasks`' live tasks, `pallet-label-voting`'s
//! items by phase). The caller keeps the total in storage between steps and
//! checks the storage version around it.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::FullCodec;
use frame_support::{
	storage::{IterableStorageMap, StorageMap},
	weights::{Weight, WeightMeter},
};

/// Where a step left the count.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub enum Counted<Key> {
	/// Every entry is counted.
	Done,
	/// The meter ran out; the next step goes on after this key (`None`: the
	/// step had no room for one entry, so the next starts where this one
	/// did).
	More(Option<Key>),
}

/// Adds the entries of `Map` after `cursor` (from the first if `None`) into
/// `total` with `add`, each costing `per_entry` from `meter`, until the map
/// or the meter ends.
pub fn count_step<Map, Key, Value, Total>(
	cursor: Option<Key>,
	meter: &mut WeightMeter,
	per_entry: Weight,
	total: &mut Total,
	mut add: impl FnMut(&mut Total, Value),
) -> Counted<Key>
where
	Key: FullCodec + Clone,
	Value: FullCodec,
	Map: IterableStorageMap<Key, Value> + StorageMap<Key, Value>,
{
	let mut last = cursor.clone();
	let mut entries = match cursor {
		Some(after) => Map::iter_from(Map::hashed_key_for(after)),
		None => Map::iter(),
	};
	loop {
		if meter.try_consume(per_entry).is_err() {
			return Counted::More(last);
		}
		match entries.next() {
			Some((key, value)) => {
				add(total, value);
				last = Some(key);
			},
			None => return Counted::Done,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{storage::types::{OptionQuery, StorageMap as Map}, traits::StorageInstance, Twox64Concat};

	struct Prefix;
	impl StorageInstance for Prefix {
		fn pallet_prefix() -> &'static str {
			"Test"
		}
		const STORAGE_PREFIX: &'static str = "Numbers";
	}
	type Numbers = Map<Prefix, Twox64Concat, u32, u64, OptionQuery>;

	const ENTRY: Weight = Weight::from_parts(10, 0);

	fn step(cursor: Option<u32>, entries: u64, total: &mut u64) -> Counted<u32> {
		let mut meter = WeightMeter::with_limit(ENTRY.saturating_mul(entries));
		count_step::<Numbers, _, _, _>(cursor, &mut meter, ENTRY, total, |total, value| *total += value)
	}

	#[test]
	fn a_map_is_counted_a_bounded_number_of_entries_a_step_each_once() {
		sp_io::TestExternalities::default().execute_with(|| {
			for key in 0..7u32 {
				Numbers::insert(key, u64::from(key) * 10);
			}
			let mut total = 0;
			let mut cursor = None;
			let mut steps = 0;
			loop {
				steps += 1;
				// Room for three entries, or for two and the look that finds the end.
				match step(cursor, 3, &mut total) {
					Counted::Done => break,
					Counted::More(last) => cursor = last,
				}
			}
			assert_eq!(total, 210, "every entry once");
			assert_eq!(steps, 3);
		});
	}

	#[test]
	fn a_step_without_room_for_an_entry_stays_where_it_was() {
		sp_io::TestExternalities::default().execute_with(|| {
			Numbers::insert(1, 5);
			let mut total = 0;
			assert_eq!(step(None, 0, &mut total), Counted::More(None));
			assert_eq!(step(None, 2, &mut total), Counted::Done);
			assert_eq!(total, 5);
		});
	}
}
