//! One item labeled through the real runtime: three annotators claim, commit
//! and reveal; the agreeing two are paid from escrow. A split item goes to the
//! genesis expert set.

mod common;

use common::labeling_steps::*;

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use labelchain_primitives::{commitment::label_commitment, task::TaskStatus};
use labelchain_runtime::{
	currency::UNIT, AccountId, Balances, LabelVoting, Runtime,
};
use sp_core::H256;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::DispatchError;

#[test]
fn three_annotators_label_an_item_and_the_agreeing_two_are_paid() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use Sr25519Keyring::{Bob, Charlie, Dave};
		let issuance = Balances::total_issuance();
		bond_all(&[Bob, Charlie, Dave]);
		let task = create_task(3, 1);
		let free = |key: Sr25519Keyring| Balances::balance(&key.to_account_id());
		let before = [free(Bob), free(Charlie), free(Dave)];

		label(task, 0, Bob, 1);
		label(task, 0, Charlie, 1);
		label(task, 0, Dave, 0);
		reveal(task, 0, Bob, 1);
		reveal(task, 0, Charlie, 1);
		reveal(task, 0, Dave, 0);
		assert_eq!(free(Bob), before[0], "nobody is paid before the appeal window ends");
		settle_after_appeal_window(task, 0);

		let settled = pallet_label_voting::SettledItems::<Runtime>::get(task, 0).expect("settled");
		assert_eq!(settled.label, 1);
		assert_eq!(free(Bob), before[0] + UNIT);
		assert_eq!(free(Charlie), before[1] + UNIT);
		assert_eq!(free(Dave), before[2]);
		assert_eq!(
			pallet_tasks::Tasks::<Runtime>::get(task).map(|record| record.terms.status),
			Some(TaskStatus::Closed)
		);
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}

#[test]
fn a_split_item_is_settled_by_a_genesis_expert() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use Sr25519Keyring::{Bob, Charlie, Ferdie};
		bond_all(&[Bob, Charlie]);
		let task = create_task(2, 2);
		label(task, 0, Bob, 0);
		label(task, 0, Charlie, 1);
		reveal(task, 0, Bob, 0);
		reveal(task, 0, Charlie, 1);

		// Only the expert set (Eve and Ferdie on the dev chain) may settle it.
		assert_noop!(LabelVoting::resolve_dispute(signed(Bob), task, 0, 1), DispatchError::BadOrigin);
		let ferdie_before = Balances::balance(&Ferdie.to_account_id());
		assert_ok!(LabelVoting::resolve_dispute(signed(Ferdie), task, 0, 1));
		assert_eq!(Balances::balance(&Ferdie.to_account_id()), ferdie_before + UNIT);
		assert_eq!(
			pallet_label_voting::SettledItems::<Runtime>::get(task, 0).map(|s| s.label),
			Some(1)
		);
		check_invariants();
	});
}

#[test]
fn a_busy_annotator_labels_many_items_in_one_batch() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use frame_support::dispatch::GetDispatchInfo;
		use labelchain_runtime::{RuntimeCall, Utility};
		use sp_runtime::traits::Dispatchable;
		use Sr25519Keyring::Bob;
		bond_all(&[Bob]);
		// Redundancy 1: each item settles with its one reveal.
		let task = create_task(1, 5);
		let who: AccountId = Bob.to_account_id();
		let salt = [9u8; 32];
		let label_of = |item: u32| (item % 2) as u16;

		let commits: Vec<RuntimeCall> = (0..5u32)
			.flat_map(|item| {
				let hash = label_commitment(task, item, label_of(item), &salt, &who);
				[
					RuntimeCall::LabelVoting(pallet_label_voting::Call::claim_item { task, item }),
					RuntimeCall::LabelVoting(pallet_label_voting::Call::commit { task, item, hash }),
				]
			})
			.collect();
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: commits });
		assert!(batch.get_dispatch_info().call_weight.ref_time() > 0);
		assert_ok!(batch.dispatch(signed(Bob)));

		let reveals: Vec<RuntimeCall> = (0..5u32)
			.map(|item| {
				RuntimeCall::LabelVoting(pallet_label_voting::Call::reveal {
					task,
					item,
					label: label_of(item),
					salt,
				})
			})
			.collect();
		assert_ok!(Utility::batch_all(signed(Bob), reveals));
		let now = labelchain_runtime::System::block_number();
		labelchain_runtime::System::set_block_number(now + 101);
		let finalizations: Vec<RuntimeCall> = (0..5u32)
			.map(|item| RuntimeCall::LabelVoting(pallet_label_voting::Call::finalize_item { task, item }))
			.collect();
		assert_ok!(Utility::batch_all(signed(Bob), finalizations));

		for item in 0..5u32 {
			assert_eq!(
				pallet_label_voting::SettledItems::<Runtime>::get(task, item).map(|s| s.label),
				Some(label_of(item))
			);
		}
		assert_eq!(
			pallet_tasks::Tasks::<Runtime>::get(task).map(|record| record.terms.status),
			Some(TaskStatus::Closed)
		);
		check_invariants();
	});
}

#[test]
fn an_annotator_labels_and_settles_many_items_with_the_batch_calls() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use frame_support::BoundedVec;
		use Sr25519Keyring::{Bob, Charlie};
		let issuance = Balances::total_issuance();
		bond_all(&[Bob, Charlie]);
		// Redundancy 2, six items: both label every item, without claims.
		let task = create_task(2, 6);
		let salt = [5u8; 32];
		let label_of = |item: u32| (item % 2) as u16;
		let free = |key: Sr25519Keyring| Balances::balance(&key.to_account_id());
		for key in [Bob, Charlie] {
			let who: AccountId = key.to_account_id();
			let commits: Vec<(u32, H256)> = (0..6u32)
				.map(|item| (item, label_commitment(task, item, label_of(item), &salt, &who)))
				.collect();
			assert_ok!(LabelVoting::commit_batch(signed(key), task, BoundedVec::truncate_from(commits)));
		}
		for key in [Bob, Charlie] {
			let reveals: Vec<(u32, u16, [u8; 32])> = (0..6u32).map(|item| (item, label_of(item), salt)).collect();
			assert_ok!(LabelVoting::reveal_batch(signed(key), task, BoundedVec::truncate_from(reveals)));
		}
		let before = [free(Bob), free(Charlie)];
		let now = labelchain_runtime::System::block_number();
		labelchain_runtime::System::set_block_number(now + 101);
		let items = BoundedVec::truncate_from((0..6u32).collect::<Vec<_>>());
		assert_ok!(LabelVoting::finalize_items(signed(Bob), task, items));

		for item in 0..6u32 {
			assert_eq!(
				pallet_label_voting::SettledItems::<Runtime>::get(task, item).map(|s| s.label),
				Some(label_of(item))
			);
		}
		// Six rewards of one LBL each, in one payment per annotator.
		assert_eq!([free(Bob), free(Charlie)], [before[0] + 6 * UNIT, before[1] + 6 * UNIT]);
		assert_eq!(pallet_label_voting::Earnings::<Runtime>::get(Bob.to_account_id()).labels_paid, 6);
		assert_eq!(
			pallet_tasks::Tasks::<Runtime>::get(task).map(|record| record.terms.status),
			Some(TaskStatus::Closed)
		);
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}
