//! The runtime's storage migrations on a chain of the previous layout: the
//! tasks pallet's (version 1 → 2, in the upgrade's block) and the voting
//! pallet's settled items (version 1 → 2, a multi-block migration stepped
//! by `pallet-migrations` while the chain takes no transactions).

mod common;

use common::genesis_state;
use frame_support::{
	migrations::MultiStepMigrator,
	traits::{GetStorageVersion, StorageVersion},
};
use labelchain_primitives::item_lifecycle::Decision;
use labelchain_runtime::{Executive, LabelVoting, MultiBlockMigrations, Runtime, System, Tasks};
use pallet_label_voting::migrations::v2::{SettledItemV1, SettledItemsV1};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_runtime::Perbill;

/// Settled items the version 1 chain keeps (the pallet's tests step a
/// migration over several blocks; here the runtime's step budget takes
/// these in one).
const SETTLED: u32 = 2_000;

#[test]
fn a_version_1_chain_upgrades_and_its_settled_items_migrate_over_blocks() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		StorageVersion::new(1).put::<LabelVoting>();
		StorageVersion::new(1).put::<Tasks>();
		for item in 0..SETTLED {
			let old = SettledItemV1 {
				label: (item % 2) as u16,
				decided_by: Decision::Crowd,
				agreement: Perbill::from_percent(95),
				settled_at: 3,
			};
			SettledItemsV1::<Runtime>::insert(item / 100, item % 100, old);
		}

		Executive::execute_on_runtime_upgrade();
		assert_eq!(Tasks::on_chain_storage_version(), StorageVersion::new(2), "in the upgrade's block");
		assert!(MultiBlockMigrations::ongoing(), "the settled items migrate over the next blocks");

		let mut blocks = 0;
		while MultiBlockMigrations::ongoing() {
			blocks += 1;
			assert!(blocks <= 10, "the migration finishes");
			System::set_block_number(System::block_number() + 1);
			MultiBlockMigrations::step();
		}
		assert_eq!(LabelVoting::on_chain_storage_version(), StorageVersion::new(2));
		let migrated: Vec<_> = pallet_label_voting::SettledItems::<Runtime>::iter().collect();
		assert_eq!(migrated.len(), SETTLED as usize);
		assert!(migrated.iter().all(|(_, item, record)| record.label == (item % 2) as u16 &&
			record.confidence == Perbill::from_percent(95) &&
			record.labels_used == 0));
		pallet_label_voting::Pallet::<Runtime>::do_try_state().expect("voting invariants hold");
		println!("{SETTLED} settled items migrated in {blocks} blocks");
	});
}

#[test]
fn a_new_chain_starts_at_the_new_layouts_and_migrates_nothing() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		Executive::execute_on_runtime_upgrade();
		MultiBlockMigrations::step();
		assert!(!MultiBlockMigrations::ongoing());
		assert_eq!(LabelVoting::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(Tasks::on_chain_storage_version(), StorageVersion::new(2));
	});
}
