//! The block agendas with the runtime's own parameters and measured weights:
//! an expert set that never acts cannot hold a dispute past `ExpertTimeout`,
//! and a block where many items fall due stays within its agenda budget and
//! finishes the rest over the next blocks.

mod common;

use common::{genesis_state, labeling_steps::*};
use frame_support::{assert_ok, traits::Hooks, weights::Weight, BoundedVec};
use labelchain_primitives::{item_lifecycle::Decision, task::TaskStatus, traits::TaskInspect};
use labelchain_runtime::{currency::UNIT, LabelVoting, Runtime, System, Tasks};
use pallet_label_voting::{Agenda, ItemPhase, Items, SettledItems};
use sp_core::Get;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Bob, Charlie};

fn status(task: u32) -> TaskStatus {
	Tasks::terms(task).expect("a task").status
}

#[test]
fn an_expert_set_that_never_acts_cannot_hold_a_dispute_past_the_timeout() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		bond_all(&[Bob, Charlie]);
		let task = create_task(2, 1);
		label(task, 0, Bob, 0);
		label(task, 0, Charlie, 1);
		reveal(task, 0, Bob, 0);
		reveal(task, 0, Charlie, 1);
		let Some(ItemPhase::Disputed { times_out_at }) = Items::<Runtime>::get(task, 0).map(|s| s.phase) else {
			panic!("a tie is disputed");
		};
		let timeout: u32 = <Runtime as pallet_label_voting::Config>::ExpertTimeout::get();
		assert_eq!(times_out_at, System::block_number() + timeout);
		for block in System::block_number() + 1..=times_out_at {
			run_block(block);
		}
		assert!(Items::<Runtime>::contains_key(task, 0), "the expert had until then");
		run_block(times_out_at + 1);
		let record = SettledItems::<Runtime>::get(task, 0).expect("settled by the timeout");
		assert_eq!(record.decided_by, Decision::Unresolved);
		assert_eq!(status(task), TaskStatus::Closed);
		for key in [Bob, Charlie] {
			let ledger = pallet_annotator_stake::Ledgers::<Runtime>::get(key.to_account_id()).expect("bonded");
			assert_eq!(ledger.locked, 0, "{key:?}'s stake is free");
		}
		check_invariants();
	});
}

/// Three blocks' worth of items accepted in one block fall due together
/// after their appeal window: each block's agenda stays within its budget,
/// and every item settles over the blocks after.
#[test]
fn a_block_where_many_items_fall_due_stays_within_its_budget_and_carries_the_rest() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let budget: Weight = <Runtime as pallet_label_voting::Config>::AgendaWeight::get();
		let entry = LabelVoting::agenda_entry_weight(1);
		let per_block = budget.ref_time() / entry.ref_time();
		let items = u32::try_from(3 * per_block).expect("a few thousand");
		// One annotator labels them all: its bond covers a lock per label.
		assert_ok!(labelchain_runtime::AnnotatorStake::bond(signed(Bob), u128::from(items) * UNIT));
		let task = create_task(1, items);
		let max_batch: u32 = <Runtime as pallet_label_voting::Config>::MaxBatch::get();
		let who = Bob.to_account_id();
		let salt = [Bob as u8; 32];
		let all: Vec<u32> = (0..items).collect();
		for chunk in all.chunks(max_batch as usize) {
			let commits = chunk
				.iter()
				.map(|item| (*item, labelchain_primitives::commitment::label_commitment(task, *item, 1, &salt, &who)))
				.collect::<Vec<_>>();
			assert_ok!(LabelVoting::commit_batch(signed(Bob), task, BoundedVec::truncate_from(commits)));
		}
		for chunk in all.chunks(max_batch as usize) {
			let reveals = chunk.iter().map(|item| (*item, 1u16, salt)).collect::<Vec<_>>();
			assert_ok!(LabelVoting::reveal_batch(signed(Bob), task, BoundedVec::truncate_from(reveals)));
		}
		let appeal_window: u32 = <Runtime as pallet_label_voting::Config>::AppealWindow::get();
		let due = System::block_number() + appeal_window + 1;
		// The blocks before: at the end of the reveal windows (which the
		// tallies closed early) the agenda moves each item to the end of its
		// appeal window.
		for block in System::block_number() + 1..due {
			run_block(block);
		}
		assert_eq!(Agenda::<Runtime>::iter_prefix(due).count() as u32, items);
		assert_eq!(SettledItems::<Runtime>::iter_prefix(task).count(), 0);
		let settled = || SettledItems::<Runtime>::iter_prefix(task).count();
		let mut block = due;
		let mut per_block = Vec::new();
		while settled() < items as usize {
			let before = settled();
			System::set_block_number(block);
			let used = <LabelVoting as Hooks<u32>>::on_initialize(block);
			assert!(used.all_lte(budget), "block {block} used {used:?} of {budget:?}");
			per_block.push(settled() - before);
			block += 1;
			assert!(block < due + 20, "the agenda does not progress: {per_block:?}");
		}
		check_invariants();
		assert!(per_block.len() >= 3, "more than a block's worth: {per_block:?}");
		assert!(per_block.iter().all(|count| *count > 0), "every block makes progress: {per_block:?}");
		<Tasks as Hooks<u32>>::on_initialize(block);
		assert_eq!(status(task), TaskStatus::Closed);
		assert_eq!(
			pallet_label_voting::Earnings::<Runtime>::get(Bob.to_account_id()).label_rewards,
			u128::from(items) * UNIT
		);
		println!("{items} items due in one block settled over {} blocks: {per_block:?}", per_block.len());
	});
}
