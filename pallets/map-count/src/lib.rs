//! One step of a multi-block migration that reads a storage map in key
//! order, from where the last step stopped, and adds each entry into a
//! running total kept in storage: how a pallet counts, once, what it then
//! keeps counted as its storage changes (`pallet-tasks`' live tasks,
//! `pallet-label-voting`'s items by phase). [`versioned_count_step`] is the
//! whole step of such a migration, storage version checks included.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::FullCodec;
use frame_support::{
	migrations::SteppedMigrationError,
	storage::{IterableStorageMap, StorageMap, StorageValue},
	traits::{GetStorageVersion, PalletInfoAccess, StorageVersion},
	weights::{RuntimeDbWeight, Weight, WeightMeter},
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

/// The step of a migration of `Pallet` from version `from` to `to` that
/// counts `Map` into `Total` (with `add`), one storage read an entry, from
/// the entry after `cursor`: what `SteppedMigration::step` returns. Does
/// nothing at `to` or later; fails (and `pallet-migrations` freezes the
/// chain for governance to repair) below `from`, which the migrations before
/// it in the same upgrade should have reached; sets the version to `to`
/// once every entry is counted.
pub fn versioned_count_step<Pallet, Map, Key, Value, Total, Count>(
	cursor: Option<Key>,
	meter: &mut WeightMeter,
	db: RuntimeDbWeight,
	(from, to): (StorageVersion, StorageVersion),
	add: impl FnMut(&mut Count, Value),
) -> Result<Option<Key>, SteppedMigrationError>
where
	Pallet: GetStorageVersion + PalletInfoAccess,
	Map: IterableStorageMap<Key, Value> + StorageMap<Key, Value>,
	Key: FullCodec + Clone,
	Value: FullCodec,
	Total: StorageValue<Count, Query = Count>,
	Count: FullCodec + Default,
{
	// The version and the count so far: read, and the count written.
	let step = db.reads_writes(2, 1);
	let per_entry = db.reads(1);
	if meter.try_consume(step).is_err() {
		return Err(SteppedMigrationError::InsufficientWeight { required: step });
	}
	let version = Pallet::on_chain_storage_version();
	if version >= to {
		return Ok(None);
	}
	if version < from {
		return Err(SteppedMigrationError::Failed);
	}
	if meter.remaining().any_lt(per_entry) {
		return Err(SteppedMigrationError::InsufficientWeight { required: step.saturating_add(per_entry) });
	}
	let mut count = if cursor.is_some() { Total::get() } else { Count::default() };
	let counted = count_step::<Map, _, _, _>(cursor, meter, per_entry, &mut count, add);
	Total::put(count);
	match counted {
		Counted::Done => {
			to.put::<Pallet>();
			Ok(None)
		},
		Counted::More(Some(last)) => Ok(Some(last)),
		// `Ok(None)` would tell pallet-migrations the count is done; the
		// check above leaves room for an entry, so this is not reached.
		Counted::More(None) =>
			Err(SteppedMigrationError::InsufficientWeight { required: step.saturating_add(per_entry) }),
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
