//! Storage migrations of `pallet-tasks`, one module per version step.

/// Version 1 → 2 (spec 121): a task's one `redundancy` became adaptive
/// redundancy's `min_redundancy` and `max_redundancy`, and its
/// `agreement_threshold` is read as the `target_accuracy` (same encoding,
/// the name only). A task of version 1 had fixed redundancy `r`: it becomes
/// `r_min = r_max = r`, which is what it funded and what its items were
/// labeled under, so its items in flight go on as before.
pub mod v2 {
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade, BoundedVec};
	use frame_system::pallet_prelude::BlockNumberFor;
	use labelchain_primitives::{
		reputation::Tier,
		task::{AssignmentMode, DomainId, TaskId, TaskStatus, TaskTerms},
	};
	use sp_runtime::Perbill;

	use crate::{
		types::{Escrow, GoldBonds, TaskInfo},
		BalanceOf, Config, Pallet, Tasks,
	};

	/// A task's terms as version 1 stored them.
	#[derive(Encode, Decode, Clone, PartialEq, Debug)]
	pub struct TermsV1<AccountId, Balance, BlockNumber> {
		pub requester: AccountId,
		pub item_count: u32,
		pub class_count: u16,
		pub redundancy: u8,
		pub agreement_threshold: Perbill,
		pub reward_per_label: Balance,
		pub deadline: BlockNumber,
		pub min_tier: Tier,
		pub min_stake: Balance,
		pub assignment: AssignmentMode,
		pub domain: DomainId,
		pub status: TaskStatus,
	}

	/// A task record as version 1 stored it: the same as version 2's but
	/// for its terms.
	#[derive(Encode, Decode)]
	pub struct TaskInfoV1<T: Config> {
		pub terms: TermsV1<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
		pub manifest: BoundedVec<u8, T::MaxCidLength>,
		pub gold_count: u32,
		pub escrow: Escrow<BalanceOf<T>>,
		pub gold_bonds: GoldBonds<BalanceOf<T>>,
		pub storage_deposit: BalanceOf<T>,
		pub items_in_flight: u32,
		pub items_settled: u32,
		pub created_at: BlockNumberFor<T>,
	}

	impl<T: Config> TaskInfoV1<T> {
		/// The record in version 2: fixed redundancy `r` as `r..=r`.
		pub fn upgraded(self) -> TaskInfo<T> {
			let old = self.terms;
			TaskInfo {
				terms: TaskTerms {
					requester: old.requester,
					item_count: old.item_count,
					class_count: old.class_count,
					min_redundancy: old.redundancy,
					max_redundancy: old.redundancy,
					target_accuracy: old.agreement_threshold,
					reward_per_label: old.reward_per_label,
					deadline: old.deadline,
					min_tier: old.min_tier,
					min_stake: old.min_stake,
					assignment: old.assignment,
					domain: old.domain,
					status: old.status,
				},
				manifest: self.manifest,
				gold_count: self.gold_count,
				escrow: self.escrow,
				gold_bonds: self.gold_bonds,
				storage_deposit: self.storage_deposit,
				items_in_flight: self.items_in_flight,
				items_settled: self.items_settled,
				created_at: self.created_at,
			}
		}
	}

	/// Rewrites every task record in version 2's layout. One read and one
	/// write a task, in the upgrade's block: a chain has as many tasks as
	/// its requesters paid deposits for, far fewer than its items, and
	/// version 1 never ran outside development chains. (A chain with many
	/// thousands of tasks would need `pallet-migrations`' multi-block
	/// stepping instead.) A record that does not decode as version 1 is left
	/// as it is and logged, never dropped.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let keys: alloc::vec::Vec<TaskId> = Tasks::<T>::iter_keys().collect();
			let mut rewritten = 0u64;
			for task in &keys {
				let key = Tasks::<T>::hashed_key_for(task);
				let old = frame_support::storage::unhashed::get_raw(&key)
					.and_then(|raw| TaskInfoV1::<T>::decode(&mut &raw[..]).ok());
				match old {
					Some(old) => {
						Tasks::<T>::insert(task, old.upgraded());
						rewritten = rewritten.saturating_add(1);
					},
					None => log::error!(
						target: "runtime::tasks",
						"tasks v1 → v2: task {task} does not decode as version 1; left as it is"
					),
				}
			}
			log::info!(
				target: "runtime::tasks",
				"tasks v1 → v2: {rewritten} of {} task records rewritten",
				keys.len()
			);
			let tasks = keys.len() as u64;
			T::DbWeight::get().reads_writes(tasks.saturating_mul(2), rewritten)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let tasks = Tasks::<T>::iter_keys().count() as u32;
			Ok(tasks.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..]).map_err(|_| "pre_upgrade's count")?;
			let mut after = 0u32;
			for (_, record) in Tasks::<T>::iter() {
				after = after.saturating_add(1);
				ensure!(
					record.terms.min_redundancy == record.terms.max_redundancy,
					"a version 1 task had fixed redundancy"
				);
			}
			ensure!(before == after, "every task record survives the migration");
			Ok(())
		}
	}

	/// [`InnerMigrateV1ToV2`], run only on a chain whose `pallet-tasks` is at
	/// storage version 1, which it then sets to 2.
	pub type MigrateV1ToV2<T> = frame_support::migrations::VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 → 3 (spec 128): `LiveTaskCounts`, how many tasks are open and
/// cancelled, kept from now on as tasks change status. A chain keeps every
/// task it ever had, so counting them runs as a multi-block migration
/// (`pallet-migrations`): each step reads as many tasks as the block's
/// migration weight allows, and the chain takes no transactions (and the
/// deadline agenda waits) until it is done, so no task changes status under
/// the count.
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

	use crate::{Config, LiveTaskCounts, Pallet, Tasks};

	/// The storage version this migration starts from.
	const FROM: StorageVersion = StorageVersion::new(2);
	/// The storage version this migration leaves.
	const TO: StorageVersion = StorageVersion::new(3);

	/// Counts the tasks by status into `LiveTaskCounts`, a bounded number a
	/// step, from the task after the last one counted (its cursor), and sets
	/// the storage version to 3 at the end. Does nothing on a chain already
	/// at version 3; fails (and `pallet-migrations` freezes the chain for
	/// governance to repair) on one below version 2, which the single-block
	/// migrations in the same upgrade should have brought there.
	pub struct CountLiveTasksV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> SteppedMigration for CountLiveTasksV2ToV3<T> {
		type Cursor = TaskId;
		type Identifier = MigrationId<16>;

		fn id() -> Self::Identifier {
			MigrationId { pallet_id: *b"labelchain-tasks", version_from: 2, version_to: 3 }
		}

		fn step(
			cursor: Option<Self::Cursor>,
			meter: &mut WeightMeter,
		) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
			versioned_count_step::<Pallet<T>, Tasks<T>, _, _, LiveTaskCounts<T>, _>(
				cursor,
				meter,
				T::DbWeight::get(),
				(FROM, TO),
				|counts, record| counts.shift(None, record.terms.status),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Tasks::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..]).map_err(|_| "pre_upgrade's count")?;
			ensure!(Tasks::<T>::iter().count() as u64 == before, "every task's record survives and decodes");
			// At least: on a chain already past version 3 the step does nothing.
			ensure!(Pallet::<T>::on_chain_storage_version() >= TO, "the pallet is at version 3 or later");
			// `do_try_state` checks the counts against the tasks' statuses.
			Pallet::<T>::do_try_state()
		}
	}
}

#[cfg(test)]
mod tests {
	use codec::Encode;
	use frame_support::{
		assert_ok,
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	use super::v2::{MigrateV1ToV2, TaskInfoV1, TermsV1};
	use crate::{mock::*, Pallet, Tasks as TaskRecords};

	type Tasks = Pallet<Test>;

	/// Stores task `task`'s record as version 1 would have, with fixed
	/// redundancy `redundancy`, and the pallet at version 1.
	fn store_as_v1(task: u32, redundancy: u8) {
		let record = TaskRecords::<Test>::get(task).expect("created");
		let terms = record.terms;
		let old = TaskInfoV1::<Test> {
			terms: TermsV1 {
				requester: terms.requester,
				item_count: terms.item_count,
				class_count: terms.class_count,
				redundancy,
				agreement_threshold: terms.target_accuracy,
				reward_per_label: terms.reward_per_label,
				deadline: terms.deadline,
				min_tier: terms.min_tier,
				min_stake: terms.min_stake,
				assignment: terms.assignment,
				domain: terms.domain,
				status: terms.status,
			},
			manifest: record.manifest,
			gold_count: record.gold_count,
			escrow: record.escrow,
			gold_bonds: record.gold_bonds,
			storage_deposit: record.storage_deposit,
			items_in_flight: record.items_in_flight,
			items_settled: record.items_settled,
			created_at: record.created_at,
		};
		unhashed::put_raw(&TaskRecords::<Test>::hashed_key_for(task), &old.encode());
		StorageVersion::new(1).put::<Pallet<Test>>();
	}

	#[test]
	fn a_version_1_task_keeps_everything_and_gets_its_redundancy_as_both_bounds() {
		new_test_ext().execute_with(|| {
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec()));
			let before = TaskRecords::<Test>::get(0).expect("created");
			store_as_v1(0, 3);
			// The old layout does not read as the new one.
			assert!(TaskRecords::<Test>::try_get(0).is_err());

			MigrateV1ToV2::<Test>::on_runtime_upgrade();

			assert_eq!(TaskRecords::<Test>::get(0), Some(before));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
			Tasks::do_try_state().expect("escrow invariants hold after the migration");
		});
	}

	#[test]
	fn the_migration_runs_once() {
		new_test_ext().execute_with(|| {
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec()));
			store_as_v1(0, 3);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			let migrated = TaskRecords::<Test>::get(0);
			// At version 2 the migration leaves storage alone.
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(TaskRecords::<Test>::get(0), migrated);
		});
	}

	#[test]
	fn a_record_that_is_not_version_1_is_kept_not_dropped() {
		new_test_ext().execute_with(|| {
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec()));
			store_as_v1(0, 3);
			let garbage = [7u8; 5];
			unhashed::put_raw(&TaskRecords::<Test>::hashed_key_for(1), &garbage);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(unhashed::get_raw(&TaskRecords::<Test>::hashed_key_for(1)), Some(garbage.to_vec()));
			assert!(TaskRecords::<Test>::get(0).is_some());
		});
	}

	mod v3 {
		use frame_support::{
			assert_ok,
			migrations::{SteppedMigration, SteppedMigrationError},
			traits::{GetStorageVersion, StorageVersion},
			weights::{Weight, WeightMeter},
		};
		use labelchain_primitives::task::TaskStatus;

		use crate::{migrations::v3::CountLiveTasksV2ToV3, mock::*, LiveTaskCounts, Pallet, StatusCounts, Tasks as TaskRecords};

		type Tasks = Pallet<Test>;
		type Migration = CountLiveTasksV2ToV3<Test>;

		/// Runs the migration to its end with room for `per_step` tasks a
		/// step; returns how many steps it took.
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

		/// Seven tasks: four open, two cancelled with an item in flight
		/// (so not closed), one cancelled and closed at once; then the
		/// chain as version 2 left it (no counts).
		fn version_2_chain_with_tasks() {
			for _ in 0..7 {
				assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec()));
			}
			for task in [4, 5] {
				TaskRecords::<Test>::mutate(task, |record| {
					let record = record.as_mut().expect("created");
					record.terms.status = TaskStatus::Cancelled;
					record.items_in_flight = 1;
				});
			}
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), 6));
			LiveTaskCounts::<Test>::kill();
			StorageVersion::new(2).put::<Pallet<Test>>();
		}

		#[test]
		fn tasks_are_counted_by_status_a_few_a_step_and_the_version_moves_last() {
			new_test_ext().execute_with(|| {
				version_2_chain_with_tasks();
				// Seven tasks, three a step: the third step counts the last
				// and finds no more.
				assert_eq!(run(3), 3);
				assert_eq!(LiveTaskCounts::<Test>::get(), StatusCounts { open: 4, cancelled: 2 });
				assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(3));
			});
		}

		#[test]
		fn counts_already_kept_are_left_alone() {
			new_test_ext().execute_with(|| {
				assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec()));
				StorageVersion::new(3).put::<Pallet<Test>>();
				assert_eq!(run(10), 1);
				assert_eq!(LiveTaskCounts::<Test>::get(), StatusCounts { open: 1, cancelled: 0 });
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
				version_2_chain_with_tasks();
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
