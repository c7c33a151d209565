//! Storage migrations of `pallet-label-voting`, one module per version step.

/// Version 1 → 2 (spec 122): a settled item's record keeps how many labels
/// the item used (`SettledItem::labels_used`), which adaptive redundancy
/// makes differ between items; `agreement` is called `confidence` (the
/// same encoding). Version 1 did not count them, so a migrated record says 0
/// ("not counted"): the item's `ItemSettled` event still lists its votes.
///
/// A chain keeps a record for every item it ever settled, so this runs as a
/// multi-block migration (`pallet-migrations`): each step rewrites as many
/// records as the block's migration weight allows, one read and one write
/// each, and the chain takes no transactions until it is done.
pub mod v2 {
	use codec::{Decode, Encode, MaxEncodedLen};
	use frame_support::{
		migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
		pallet_prelude::*,
		storage_alias,
		traits::{GetStorageVersion, StorageVersion},
		weights::WeightMeter,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use labelchain_primitives::{
		item_lifecycle::{Decision, Label, SettledItem},
		task::{ItemIndex, TaskId},
	};
	use sp_runtime::Perbill;

	use crate::{Config, Pallet, SettledItems};

	/// A settled item's record as version 1 stored it.
	#[derive(Encode, Decode, MaxEncodedLen, Clone, Copy, PartialEq, Debug)]
	pub struct SettledItemV1<BlockNumber> {
		pub label: Label,
		pub decided_by: Decision,
		pub agreement: Perbill,
		pub settled_at: BlockNumber,
	}

	impl<BlockNumber> SettledItemV1<BlockNumber> {
		/// The record in version 2: its labels not counted (0).
		pub fn upgraded(self) -> SettledItem<BlockNumber> {
			SettledItem {
				label: self.label,
				decided_by: self.decided_by,
				confidence: self.agreement,
				settled_at: self.settled_at,
				labels_used: 0,
			}
		}
	}

	/// The settled items as version 1 stored them (the same map, keys and
	/// hashers as `SettledItems`).
	#[storage_alias]
	pub type SettledItemsV1<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Identity,
		TaskId,
		Identity,
		ItemIndex,
		SettledItemV1<BlockNumberFor<T>>,
	>;

	/// The storage version this migration leaves.
	const TO: StorageVersion = StorageVersion::new(2);

	/// Rewrites the settled items' records in version 2's layout, a bounded
	/// number a step, from where the last step stopped (its cursor: the last
	/// record rewritten), and sets the storage version to 2 at the end. Does
	/// nothing on a chain already at version 2.
	pub struct MigrateSettledItemsV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> MigrateSettledItemsV1ToV2<T> {
		/// What rewriting one record weighs: read it, write it.
		fn per_record() -> Weight {
			T::DbWeight::get().reads_writes(1, 1)
		}
	}

	impl<T: Config> SteppedMigration for MigrateSettledItemsV1ToV2<T> {
		type Cursor = (TaskId, ItemIndex);
		type Identifier = MigrationId<22>;

		fn id() -> Self::Identifier {
			MigrationId { pallet_id: *b"labelchain-label-votes", version_from: 1, version_to: 2 }
		}

		fn step(
			mut cursor: Option<Self::Cursor>,
			meter: &mut WeightMeter,
		) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
			// Reading the version is the step's own cost.
			let check = T::DbWeight::get().reads(1);
			if meter.try_consume(check).is_err() {
				return Err(SteppedMigrationError::InsufficientWeight { required: check });
			}
			if Pallet::<T>::on_chain_storage_version() >= TO {
				return Ok(None);
			}
			let required = Self::per_record();
			if meter.remaining().any_lt(required) {
				return Err(SteppedMigrationError::InsufficientWeight { required: check.saturating_add(required) });
			}
			let mut records = match cursor {
				Some((task, item)) =>
					SettledItemsV1::<T>::iter_from(SettledItemsV1::<T>::hashed_key_for(task, item)),
				None => SettledItemsV1::<T>::iter(),
			};
			loop {
				if meter.try_consume(required).is_err() {
					return Ok(cursor);
				}
				match records.next() {
					Some((task, item, old)) => {
						SettledItems::<T>::insert(task, item, old.upgraded());
						cursor = Some((task, item));
					},
					None => {
						TO.put::<Pallet<T>>();
						return Ok(None);
					},
				}
			}
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let records = SettledItemsV1::<T>::iter_keys().count() as u64;
			Ok(records.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "pre_upgrade's count")?;
			let after = SettledItems::<T>::iter().count() as u64;
			ensure!(before == after, "every settled item's record survives and decodes");
			// At least: on a chain already past version 2 the step does nothing.
			ensure!(Pallet::<T>::on_chain_storage_version() >= TO, "the pallet is at version 2 or later");
			Ok(())
		}
	}
}

/// Version 2 → 3 (spec 128): `PhaseTotals`, the chain's items in progress
/// in each phase, kept from now on as items move. Summing every task's
/// `PhaseCountsOf` runs as a multi-block migration (`pallet-migrations`):
/// each step reads as many tasks' counters as the block's migration weight
/// allows, and the chain takes no transactions (and the agenda waits) until
/// it is done, so no item moves under the sum.
pub mod v3 {
	use frame_support::{
		migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
		pallet_prelude::*,
		traits::StorageVersion,
		weights::WeightMeter,
	};
	#[cfg(feature = "try-runtime")]
	use frame_support::traits::GetStorageVersion;
	use labelchain_map_count::versioned_count_step;
	use labelchain_primitives::task::TaskId;

	use crate::{Config, Pallet, PhaseCountsOf, PhaseTotals};

	/// The storage version this migration starts from.
	const FROM: StorageVersion = StorageVersion::new(2);
	/// The storage version this migration leaves.
	const TO: StorageVersion = StorageVersion::new(3);

	/// Sums the tasks' phase counters into `PhaseTotals`, a bounded number a
	/// step, from the task after the last one summed (its cursor), and sets
	/// the storage version to 3 at the end. Does nothing on a chain already
	/// at version 3; fails (and `pallet-migrations` freezes the chain for
	/// governance to repair) on one below version 2, which the migration
	/// before it in the same upgrade (`v2`) should have brought there.
	pub struct SumPhaseTotalsV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> SteppedMigration for SumPhaseTotalsV2ToV3<T> {
		type Cursor = TaskId;
		type Identifier = MigrationId<22>;

		fn id() -> Self::Identifier {
			MigrationId { pallet_id: *b"labelchain-label-votes", version_from: 2, version_to: 3 }
		}

		fn step(
			cursor: Option<Self::Cursor>,
			meter: &mut WeightMeter,
		) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
			versioned_count_step::<Pallet<T>, PhaseCountsOf<T>, _, _, PhaseTotals<T>, _>(
				cursor,
				meter,
				T::DbWeight::get(),
				(FROM, TO),
				|totals, counts| totals.absorb(&counts),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let mut in_progress = 0u64;
			for counts in PhaseCountsOf::<T>::iter_values() {
				in_progress = in_progress.saturating_add(counts.total().into());
			}
			Ok(in_progress.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..]).map_err(|_| "pre_upgrade's count")?;
			ensure!(u64::from(PhaseTotals::<T>::get().total()) == before, "the totals count every item in progress");
			// At least: on a chain already past version 3 the step does nothing.
			ensure!(Pallet::<T>::on_chain_storage_version() >= TO, "the pallet is at version 3 or later");
			// `do_try_state` checks the totals against every task's counters.
			Pallet::<T>::do_try_state()
		}
	}
}

#[cfg(test)]
mod tests {
	use frame_support::{
		migrations::SteppedMigration,
		traits::{GetStorageVersion, StorageVersion},
		weights::{Weight, WeightMeter},
	};
	use labelchain_primitives::item_lifecycle::Decision;
	use sp_runtime::Perbill;

	use super::v2::{MigrateSettledItemsV1ToV2, SettledItemV1, SettledItemsV1};
	use crate::{mock::*, Pallet, SettledItem, SettledItems};

	type Migration = MigrateSettledItemsV1ToV2<Test>;

	fn old(label: u16) -> SettledItemV1<u64> {
		SettledItemV1 { label, decided_by: Decision::Crowd, agreement: Perbill::from_percent(90), settled_at: 7 }
	}

	/// Runs the migration to its end with room for `per_step` records a
	/// step; returns how many steps it took.
	fn run(per_step: u64) -> u32 {
		let db = <Test as frame_system::Config>::DbWeight::get();
		let step_weight = db.reads(1).saturating_add(db.reads_writes(1, 1).saturating_mul(per_step));
		let mut cursor = None;
		let mut steps = 0;
		loop {
			steps += 1;
			let mut meter = WeightMeter::with_limit(step_weight);
			cursor = Migration::step(cursor, &mut meter).expect("room for a record");
			if cursor.is_none() {
				return steps;
			}
			assert!(steps < 100, "the migration makes progress");
		}
	}

	#[test]
	fn every_record_is_rewritten_a_few_a_step_and_the_version_moves_last() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			for (task, item) in [(0u32, 0u32), (0, 1), (0, 2), (1, 0), (3, 5)] {
				SettledItemsV1::<Test>::insert(task, item, old(item as u16));
			}
			// Five records, two a step: three steps rewrite them, and the
			// third (finding no more) sets the version.
			assert_eq!(run(2), 3);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
			let migrated: Vec<_> = SettledItems::<Test>::iter().collect();
			assert_eq!(migrated.len(), 5);
			for (_, item, record) in migrated {
				assert_eq!(
					record,
					SettledItem {
						label: item as u16,
						decided_by: Decision::Crowd,
						confidence: Perbill::from_percent(90),
						settled_at: 7,
						labels_used: 0,
					}
				);
			}
		});
	}

	#[test]
	fn a_chain_at_version_2_is_left_alone() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(2).put::<Pallet<Test>>();
			let record = SettledItem {
				label: 1,
				decided_by: Decision::Gold,
				confidence: Perbill::one(),
				settled_at: 3,
				labels_used: 4,
			};
			SettledItems::<Test>::insert(0, 0, record);
			assert_eq!(run(10), 1);
			assert_eq!(SettledItems::<Test>::get(0, 0), Some(record));
		});
	}

	#[test]
	fn a_step_without_room_for_one_record_asks_for_more() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			SettledItemsV1::<Test>::insert(0, 0, old(0));
			let mut meter = WeightMeter::with_limit(Weight::zero());
			assert!(matches!(
				Migration::step(None, &mut meter),
				Err(frame_support::migrations::SteppedMigrationError::InsufficientWeight { .. })
			));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		});
	}

	mod v3 {
		use frame_support::{
			migrations::{SteppedMigration, SteppedMigrationError},
			traits::{GetStorageVersion, StorageVersion},
			weights::{Weight, WeightMeter},
		};

		use crate::{migrations::v3::SumPhaseTotalsV2ToV3, mock::*, types::PhaseCounts, Pallet, PhaseCountsOf, PhaseTotals};

		type Migration = SumPhaseTotalsV2ToV3<Test>;

		fn counts(labeling: u32, disputed: u32, appealed: u32) -> PhaseCounts {
			PhaseCounts { labeling, revealing: 1, disputed, accepted: 0, appealed }
		}

		/// Three tasks' counters as version 2 kept them, without totals.
		fn version_2_chain() {
			PhaseCountsOf::<Test>::insert(0, counts(3, 1, 0));
			PhaseCountsOf::<Test>::insert(4, counts(0, 2, 1));
			PhaseCountsOf::<Test>::insert(9, counts(5, 0, 0));
			PhaseTotals::<Test>::kill();
			StorageVersion::new(2).put::<Pallet<Test>>();
		}

		fn run(per_step: u64) -> u32 {
			let db = <Test as frame_system::Config>::DbWeight::get();
			let step_weight = db.reads_writes(2, 1).saturating_add(db.reads(1).saturating_mul(per_step));
			let mut cursor = None;
			let mut steps = 0;
			loop {
				steps += 1;
				let mut meter = WeightMeter::with_limit(step_weight);
				cursor = Migration::step(cursor, &mut meter).expect("room for a task");
				if cursor.is_none() {
					return steps;
				}
				assert!(steps < 100, "the migration makes progress");
			}
		}

		#[test]
		fn the_tasks_counters_are_summed_a_few_a_step_and_the_version_moves_last() {
			new_test_ext().execute_with(|| {
				version_2_chain();
				// Three tasks, two a step: the second step sums the last and
				// finds no more.
				assert_eq!(run(2), 2);
				assert_eq!(
					PhaseTotals::<Test>::get(),
					PhaseCounts { labeling: 8, revealing: 3, disputed: 3, accepted: 0, appealed: 1 }
				);
				assert_eq!(PhaseTotals::<Test>::get().waiting_for_experts(), 4);
				assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(3));
			});
		}

		#[test]
		fn totals_already_kept_are_left_alone() {
			new_test_ext().execute_with(|| {
				PhaseCountsOf::<Test>::insert(0, counts(3, 1, 0));
				PhaseTotals::<Test>::put(counts(3, 1, 0));
				StorageVersion::new(3).put::<Pallet<Test>>();
				assert_eq!(run(10), 1);
				assert_eq!(PhaseTotals::<Test>::get(), counts(3, 1, 0));
			});
		}

		#[test]
		fn a_chain_below_version_2_fails_the_migration() {
			new_test_ext().execute_with(|| {
				StorageVersion::new(1).put::<Pallet<Test>>();
				let mut meter = WeightMeter::new();
				assert!(matches!(Migration::step(None, &mut meter), Err(SteppedMigrationError::Failed)));
			});
		}

		#[test]
		fn a_step_without_room_for_one_task_asks_for_more() {
			new_test_ext().execute_with(|| {
				version_2_chain();
				let mut meter = WeightMeter::with_limit(Weight::zero());
				assert!(matches!(
					Migration::step(None, &mut meter),
					Err(SteppedMigrationError::InsufficientWeight { .. })
				));
				assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
			});
		}
	}
}
