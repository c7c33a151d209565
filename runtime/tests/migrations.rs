//! The runtime's storage migrations on a chain of the previous layouts: the
//! tasks pallet's (version 1 → 2, in the upgrade's block), the voting
//! pallet's settled items (version 1 → 2), and the chain-wide counters of
//! both (version 2 → 3), multi-block migrations stepped by
//! `pallet-migrations` while the chain takes no transactions.

mod common;

use common::{genesis_state, labeling_steps::*};
use frame_support::assert_ok;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
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
		assert_eq!(LabelVoting::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Tasks::on_chain_storage_version(), StorageVersion::new(3));
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
		assert_eq!(LabelVoting::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Tasks::on_chain_storage_version(), StorageVersion::new(3));
	});
}

/// A chain as spec 127 left it (both pallets at version 2, no chain-wide
/// counters) with work in flight: open and cancelled tasks, items claimed,
/// committed, revealed and disputed. After the upgrade the counters are
/// what the chain kept all along would have said, and every invariant
/// (counters against the tasks and items they count) holds.
#[test]
fn a_version_2_chain_with_work_in_flight_counts_it_over_blocks() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		run_block(1);
		bond_all(&[Bob, Charlie, Dave, Eve, Ferdie]);
		let open = create_task(2, 4);
		let cancelled = create_task(2, 2);
		let _untouched = create_task(3, 10);
		// `open`: item 0 disputed (1 against 1), item 1 revealing, item 2 claimed.
		label(open, 0, Bob, 0);
		label(open, 0, Charlie, 1);
		reveal(open, 0, Bob, 0);
		reveal(open, 0, Charlie, 1);
		label(open, 1, Dave, 1);
		label(open, 1, Eve, 1);
		assert_ok!(LabelVoting::claim_item(signed(Ferdie), open, 2));
		// `cancelled`: an item committed, so it winds down rather than closing.
		label(cancelled, 0, Dave, 0);
		assert_ok!(Tasks::cancel_task(signed(Alice), cancelled));
		let kept = labelchain_runtime::chain_activity::chain_activity();
		assert_eq!((kept.open_tasks, kept.cancelled_tasks), (2, 1));
		assert_eq!(kept.waiting_for_experts, 1);
		assert_eq!(
			(kept.items.labeling, kept.items.revealing),
			(2, 1),
			"item 2 claimed and the cancelled task's item half committed; item 1 fully committed"
		);

		// What spec 127 had: no counters, both pallets at version 2.
		pallet_tasks::LiveTaskCounts::<Runtime>::kill();
		pallet_label_voting::PhaseTotals::<Runtime>::kill();
		StorageVersion::new(2).put::<LabelVoting>();
		StorageVersion::new(2).put::<Tasks>();

		Executive::execute_on_runtime_upgrade();
		assert!(labelchain_runtime::chain_activity::chain_activity().migrating);
		// Mid-migration the invariants hold too: counters are checked only
		// once their pallet's version says they are kept.
		check_invariants();
		while MultiBlockMigrations::ongoing() {
			let next = System::block_number() + 1;
			run_block(next);
			MultiBlockMigrations::step();
		}
		let counted = labelchain_runtime::chain_activity::chain_activity();
		assert!(!counted.migrating);
		assert_eq!(
			(counted.open_tasks, counted.cancelled_tasks, counted.items, counted.waiting_for_experts),
			(kept.open_tasks, kept.cancelled_tasks, kept.items, kept.waiting_for_experts)
		);
		assert_eq!(LabelVoting::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Tasks::on_chain_storage_version(), StorageVersion::new(3));
		check_invariants();
	});
}
