//! The labeling runtime API's answers, computed natively against the dev
//! genesis: the same functions `impl_runtime_apis!` serves to the node's
//! `labeling_*` RPC and to Polkadot.js's `api.call.labelingApi`.

mod common;

use common::labeling_steps::*;

use frame_support::assert_ok;
use labelchain_primitives::{
	item_lifecycle::{Decision, ItemPhase},
	task::{AssignmentMode, TaskStatus},
	runtime_api::{BlockActivity, ItemCounts, ItemPage, ItemSummary, LabelingApiError, WorkPlace},
};
use labelchain_runtime::{currency::UNIT, labeling_api as api, AccountId};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Ferdie};
use sp_runtime::Perbill;

fn id(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

#[test]
fn a_task_reads_the_same_through_its_whole_life() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let task = create_task(3, 2);
		let summary = api::task(task).expect("the task exists");
		assert_eq!(summary.terms.requester, id(Alice));
		assert_eq!((summary.terms.item_count, summary.terms.max_redundancy, summary.terms.class_count), (2, 3, 2));
		assert_eq!(summary.terms.assignment, AssignmentMode::Open);
		// Six labels at 1 LBL with the 5 % protocol fee, and 5 LBL for experts.
		assert_eq!(summary.escrow.budget, 2 * 3 * (UNIT + UNIT / 20) + 5 * UNIT);
		assert_eq!(summary.escrow.held, summary.escrow.budget);
		assert_eq!(summary.progress, ItemCounts { untouched: 2, ..Default::default() });
		assert!(api::task(task + 1).is_none());

		bond_all(&[Bob, Charlie, Dave]);
		for (key, vote) in [(Bob, 1), (Charlie, 1), (Dave, 0)] {
			label(task, 0, key, vote);
		}
		let progress = api::task(task).unwrap().progress;
		assert_eq!(progress, ItemCounts { untouched: 1, revealing: 1, ..Default::default() });
		let ItemSummary::InProgress { phase: ItemPhase::Revealing { ends_at }, claims, commits, next_step_at } =
			api::item(task, 0).unwrap()
		else {
			panic!("item 0 is taking reveals");
		};
		assert_eq!(next_step_at, ends_at + 1, "the chain tallies it the block after its window");
		assert!(claims.is_empty());
		assert_eq!(commits.len(), 3);
		assert!(commits.iter().all(|commit| commit.revealed.is_none()));
		// Nothing revealed: an empty tally.
		assert_eq!(api::item_tally(task, 0), Ok(vec![]));
		assert_eq!(
			api::annotator_work(id(Bob), task, 0, 100).unwrap().items.iter().map(|w| (w.item, w.place.clone())).collect::<Vec<_>>(),
			vec![(0, WorkPlace::Committed { revealed: None })]
		);

		for (key, vote) in [(Bob, 1), (Charlie, 1), (Dave, 0)] {
			reveal(task, 0, key, vote);
		}
		assert!(matches!(
			api::item(task, 0).unwrap(),
			ItemSummary::InProgress { phase: ItemPhase::Accepted { label: 1, .. }, .. }
		));
		// Three newcomers of equal weight: label 1 has two thirds of it.
		let tally = api::item_tally(task, 0).unwrap();
		assert_eq!(tally.iter().map(|entry| (entry.label, entry.annotators)).collect::<Vec<_>>(), [(0, 1), (1, 2)]);
		let thirds = |parts: u32| Perbill::from_rational(parts, 3).deconstruct();
		assert!(tally[0].share.deconstruct().abs_diff(thirds(1)) <= 1, "{tally:?}");
		assert!(tally[1].share.deconstruct().abs_diff(thirds(2)) <= 1, "{tally:?}");
		settle_after_appeal_window(task, 0);
		let ItemSummary::Settled { record } = api::item(task, 0).unwrap() else {
			panic!("item 0 settled");
		};
		assert_eq!((record.label, record.decided_by), (1, Decision::Crowd));
		assert_eq!(api::item_tally(task, 0), Ok(vec![]));
		assert_eq!(api::item_tally(task, 2), Err(LabelingApiError::ItemOutOfRange));
		assert_eq!(api::item_tally(task + 1, 0), Err(LabelingApiError::UnknownTask));
		assert_eq!(record.settled_at, labelchain_runtime::System::block_number());
		assert_eq!(api::item(task, 1), Ok(ItemSummary::Untouched));
		assert_eq!(api::item(task, 2), Err(LabelingApiError::ItemOutOfRange));
		assert_eq!(api::item(task + 1, 0), Err(LabelingApiError::UnknownTask));

		let summary = api::task(task).unwrap();
		assert_eq!(summary.progress, ItemCounts { untouched: 1, settled: 1, ..Default::default() });
		assert_eq!(summary.escrow.paid_to_annotators, 2 * UNIT);
		assert_eq!(summary.escrow.labels_paid, 2);
		assert_eq!(summary.escrow.fees_paid, 2 * (UNIT / 20));
		assert_eq!(summary.escrow.held, summary.escrow.budget - 2 * (UNIT + UNIT / 20));
		assert_eq!(summary.terms.status, TaskStatus::Open);

		let quality = api::task_quality(task).expect("the task exists");
		assert_eq!((quality.counts.labels_revealed, quality.counts.labels_agreeing), (3, 2));
		assert_eq!(quality.agreement_rate, Some(Perbill::from_rational(2u32, 3)));
		assert_eq!(quality.dispute_rate, Some(Perbill::zero()));
		assert_eq!(quality.gold_accuracy, None);
		assert!(api::task_quality(task + 1).is_none());
		check_invariants();
	});
}

#[test]
fn an_annotator_reads_stake_reputation_earnings_and_claims() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let task = create_task(2, 3);
		let fresh = api::annotator(id(Bob), 0);
		assert_eq!(fresh.stake.bonded, 0);
		assert_eq!(fresh.earnings.label_rewards, 0);
		assert_eq!(fresh.open_claims, 0);

		bond_all(&[Bob, Charlie]);
		label(task, 0, Bob, 1);
		label(task, 0, Charlie, 1);
		assert_ok!(labelchain_runtime::LabelVoting::claim_item(signed(Bob), task, 2));
		let bob = api::annotator(id(Bob), 0);
		assert_eq!(bob.stake.bonded, 100 * UNIT);
		assert!(bob.stake.locked > 0, "stake backs the claim and the commit");
		assert_eq!(bob.open_claims, 1);
		let work = api::annotator_work(id(Bob), task, 0, 100).unwrap();
		assert_eq!(work.items.iter().map(|w| w.item).collect::<Vec<_>>(), vec![0, 2]);
		assert!(matches!(work.items[1].place, WorkPlace::Claimed { .. }));
		// A page at a time: the first holds item 0 and says where to go on.
		let first = api::annotator_work(id(Bob), task, 0, 1).unwrap();
		assert_eq!((first.items.iter().map(|w| w.item).collect::<Vec<_>>(), first.next), (vec![0], Some(1)));
		let rest = api::annotator_work(id(Bob), task, 1, 100).unwrap();
		assert_eq!(rest.items.iter().map(|w| w.item).collect::<Vec<_>>(), vec![2]);

		reveal(task, 0, Bob, 1);
		reveal(task, 0, Charlie, 1);
		settle_after_appeal_window(task, 0);
		let bob = api::annotator(id(Bob), 0);
		assert_eq!((bob.earnings.label_rewards, bob.earnings.labels_paid), (UNIT, 1));
		assert_eq!(bob.reputation.agreed, 1);
		assert!(bob.reputation.score > Perbill::from_percent(66));

		assert_ok!(labelchain_runtime::AnnotatorStake::unbond(signed(Charlie), 40 * UNIT));
		let charlie = api::annotator(id(Charlie), 0);
		assert_eq!(charlie.stake.bonded, 60 * UNIT);
		assert_eq!(charlie.stake.unbonding.len(), 1);
		assert_eq!(charlie.stake.unbonding[0].amount, 40 * UNIT);
		assert_eq!(charlie.stake.withdrawable, 0, "the unbonding period has not passed");
		check_invariants();
	});
}

#[test]
fn open_tasks_and_claimable_items_follow_eligibility() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let first = create_task(1, 4);
		let second = create_task(1, 2);
		let page = api::open_tasks(0, 10, None);
		assert_eq!(page.tasks.iter().map(|t| t.id).collect::<Vec<_>>(), vec![first, second]);
		assert_eq!(page.next, None);
		let page = api::open_tasks(0, 1, None);
		assert_eq!((page.tasks.len(), page.next), (1, Some(second)));

		// Without stake Ferdie may claim nowhere, and is told why.
		assert!(api::open_tasks(0, 10, Some(id(Ferdie))).tasks.is_empty());
		assert_eq!(
			api::claimable_items(id(Ferdie), first, 0, 10),
			Err(LabelingApiError::InsufficientStake)
		);

		bond_all(&[Bob]);
		assert_eq!(api::open_tasks(0, 10, Some(id(Bob))).tasks.len(), 2);
		label(first, 1, Bob, 0);
		assert_eq!(
			api::claimable_items(id(Bob), first, 0, 10),
			Ok(ItemPage { items: vec![0, 2, 3], next: None })
		);
		assert_eq!(
			api::claimable_items(id(Bob), first, 0, 1),
			Ok(ItemPage { items: vec![0], next: Some(1) })
		);

		assert_ok!(labelchain_runtime::Tasks::cancel_task(signed(Alice), second));
		assert_eq!(api::open_tasks(0, 10, None).tasks.iter().map(|t| t.id).collect::<Vec<_>>(), vec![first]);
		assert_eq!(
			api::claimable_items(id(Bob), second, 0, 10),
			Err(LabelingApiError::TaskNotAcceptingWork)
		);
		assert_eq!(
			api::claimable_items(id(Bob), second + 1, 0, 10),
			Err(LabelingApiError::UnknownTask)
		);
		check_invariants();
	});
}

#[test]
fn the_chain_says_which_items_finalize_would_move_on_and_reads_items_by_page() {
	use labelchain_runtime::{LabelVoting, System};
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let task = create_task(2, 3);
		bond_all(&[Bob, Charlie]);
		for key in [Bob, Charlie] {
			label(task, 0, key, 1);
		}
		// Item 1 has one commit and waits for a second annotator.
		label(task, 1, Bob, 0);
		let nothing = ItemPage { items: vec![], next: None };
		assert_eq!(api::finalizable_items(task, 0, 10), Ok(nothing.clone()));

		// The answer is for the next block, where a transaction lands: item
		// 0's reveal window ends with this one.
		let ItemSummary::InProgress { phase: ItemPhase::Revealing { ends_at }, .. } = api::item(task, 0).unwrap()
		else {
			panic!("item 0 is taking reveals");
		};
		System::set_block_number(ends_at - 1);
		assert_eq!(api::finalizable_items(task, 0, 10), Ok(nothing.clone()));
		System::set_block_number(ends_at);
		assert_eq!(api::finalizable_items(task, 0, 10), Ok(ItemPage { items: vec![0], next: None }));
		// Once the task takes no more work, item 1 opens its reveal with the
		// commit it has.
		assert_ok!(labelchain_runtime::Tasks::cancel_task(signed(Alice), task));
		assert_eq!(api::finalizable_items(task, 0, 10), Ok(ItemPage { items: vec![0, 1], next: None }));
		assert_eq!(api::finalizable_items(task, 0, 1), Ok(ItemPage { items: vec![0], next: Some(1) }));
		assert_eq!(api::finalizable_items(task, 1, 10), Ok(ItemPage { items: vec![1], next: None }));
		assert_eq!(api::finalizable_items(task + 1, 0, 10), Err(LabelingApiError::UnknownTask));

		// Every item a page at a time, each as `item` reads it.
		let page = api::items(task, 0, 100).unwrap();
		assert_eq!((page.items.len(), page.next), (3, None));
		for (index, summary) in page.items.iter().enumerate() {
			assert_eq!(api::item(task, index as u32).as_ref(), Ok(summary));
		}
		assert_eq!(api::items(task, 0, 2).map(|page| (page.items.len(), page.next)), Ok((2, Some(2))));
		assert_eq!(api::items(task, 2, 2).map(|page| page.items), Ok(vec![ItemSummary::Untouched]));
		assert_eq!(api::items(task, 3, 2).map(|page| (page.items.len(), page.next)), Ok((0, None)));
		assert_eq!(api::items(task + 1, 0, 2), Err(LabelingApiError::UnknownTask));

		// What the chain said was due moves on in the next block.
		System::set_block_number(ends_at + 1);
		let due = api::finalizable_items(task, 0, 10).unwrap().items;
		assert_ok!(LabelVoting::finalize_items(signed(Dave), task, due.try_into().unwrap()));
		assert_eq!(api::finalizable_items(task, 0, 10), Ok(nothing));
		check_invariants();
	});
}

#[test]
fn the_runtime_serves_version_10_of_the_labeling_api() {
	use labelchain_primitives::runtime_api::LabelingApi;
	use sp_api::RuntimeApiInfo;
	let id = <dyn LabelingApi<labelchain_runtime::Block> as RuntimeApiInfo>::ID;
	assert_eq!(labelchain_runtime::VERSION.api_version(&id), Some(10));
}

#[test]
fn the_chain_quotes_a_tasks_budget_with_its_protocol_fee_and_holds_exactly_that() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use frame_support::traits::fungible::InspectHold;
		let quote = api::task_budget(2, 3, UNIT, 5 * UNIT, 0).expect("fits");
		// 5 % of 1 LBL on each of 6 labels, and the dispute budget.
		assert_eq!(quote.fee_per_label, UNIT / 20);
		assert_eq!(quote.labels, 6 * (UNIT + UNIT / 20));
		// And the storage deposit of the task's record, held until it is
		// pruned after close.
		let task_deposit: u128 = <labelchain_runtime::Runtime as pallet_tasks::Config>::TaskDeposit::get();
		let gold_deposit: u128 = <labelchain_runtime::Runtime as pallet_tasks::Config>::GoldDeposit::get();
		assert_eq!(quote.storage_deposit, task_deposit);
		assert_eq!(quote.total, quote.labels + 5 * UNIT + task_deposit);
		// Each gold commitment bonds a gold slash for each of its item's labels.
		let gold_slash: u128 = <labelchain_runtime::Runtime as pallet_label_voting::Config>::GoldSlash::get();
		let with_gold = api::task_budget(2, 3, UNIT, 5 * UNIT, 2).expect("fits");
		assert_eq!((with_gold.gold_bond, with_gold.gold_bonds), (3 * gold_slash, 6 * gold_slash));
		assert_eq!(with_gold.storage_deposit, task_deposit + 2 * gold_deposit);
		assert_eq!(with_gold.total, quote.total + 6 * gold_slash + 2 * gold_deposit);
		let task = create_task(3, 2);
		let escrow: labelchain_runtime::RuntimeHoldReason = pallet_tasks::HoldReason::TaskEscrow.into();
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(labelchain_runtime::Balances::balance_on_hold(&escrow, &alice), quote.total - task_deposit);
		let deposit: labelchain_runtime::RuntimeHoldReason = pallet_tasks::HoldReason::StorageDeposit.into();
		assert_eq!(labelchain_runtime::Balances::balance_on_hold(&deposit, &alice), task_deposit);
		println!("task deposit {task_deposit}, gold deposit {gold_deposit}");
		assert_eq!(api::task(task).map(|summary| summary.escrow.fee_per_label), Some(UNIT / 20));
		assert_eq!(
			api::task_budget(u32::MAX, 64, u128::MAX / 2, 0, 0),
			Err(labelchain_primitives::runtime_api::LabelingApiError::BudgetOverflow)
		);
	});
}

/// The chain's activity: open tasks and items by phase from the counters
/// the pallets keep, and what a block did from its events.
#[test]
fn the_chain_reports_its_activity_from_its_counters_and_the_blocks_events() {
	use labelchain_runtime::{chain_activity::chain_activity, System};
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		run_block(1);
		bond_all(&[Bob, Charlie]);
		let task = create_task(2, 3);
		label(task, 0, Bob, 1);
		label(task, 0, Charlie, 1);
		reveal(task, 0, Bob, 1);
		reveal(task, 0, Charlie, 1);
		let revealed = chain_activity();
		assert_eq!((revealed.open_tasks, revealed.cancelled_tasks), (1, 0));
		assert_eq!(revealed.items.accepted, 1, "both agree: accepted, in its appeal window");
		assert_eq!(revealed.waiting_for_experts, 0);
		assert_eq!(revealed.block.labels_revealed, 2);
		assert_eq!((revealed.block.items_settled, revealed.block.labels_settled), (0, 0));
		assert!(!revealed.migrating);
		assert_eq!((revealed.item_agenda_backlog, revealed.deadline_agenda_backlog), (0, 0));

		// A later block settles the item: its events, not the reveals'.
		System::reset_events();
		settle_after_appeal_window(task, 0);
		let settled = chain_activity();
		assert_eq!(settled.block, BlockActivity { labels_revealed: 0, items_settled: 1, labels_settled: 2 });
		assert_eq!(settled.items.accepted, 0);
		assert_eq!(settled.open_tasks, 1);
		// No hook has run since block 1: both agendas are that far behind.
		assert_eq!(settled.item_agenda_backlog, System::block_number() - 1);
		check_invariants();
	});
}
