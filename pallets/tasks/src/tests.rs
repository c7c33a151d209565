//! Every call's success path and error paths, and the traits the voting pallet
//! uses.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use labelchain_primitives::{
	reputation::Tier,
	task::{AssignmentMode, GoldCommitment, TaskStatus},
	traits::{TaskEscrow, TaskInspect, TaskProgress},
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

use crate::{mock::*, Error, Event, GoldCommitments, HoldReason, NextTaskId, Tasks as TaskStore};

fn escrowed(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::TaskEscrow.into(), &who)
}

fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

/// Creates `spec()` as REQUESTER and returns its id.
fn create() -> u32 {
	let id = NextTaskId::<Test>::get();
	assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec()));
	id
}

/// Whether the task takes claims and commits in the current block, as the
/// voting pallet asks.
fn accepts_work_now(task: u32) -> bool {
	Tasks::terms(task).is_some_and(|terms| terms.accepts_work(System::block_number()))
}

fn status(task: u32) -> TaskStatus {
	TaskStore::<Test>::get(task).unwrap().terms.status
}

mod create_task {
	use super::*;

	#[test]
	fn holds_the_whole_budget_and_stores_the_task() {
		test_with_invariants(|| {
			let task = create();
			System::assert_last_event(
				Event::TaskCreated {
					task,
					requester: REQUESTER,
					budget: SPEC_BUDGET,
					gold_bonds: SPEC_GOLD_BONDS,
					storage_deposit: SPEC_DEPOSIT,
				}
				.into(),
			);
			assert_eq!(escrowed(REQUESTER), SPEC_BUDGET);
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - SPEC_BUDGET - SPEC_GOLD_BONDS - SPEC_DEPOSIT);
			assert_eq!(Balances::balance_on_hold(&HoldReason::StorageDeposit.into(), &REQUESTER), SPEC_DEPOSIT);
			let record = TaskStore::<Test>::get(task).unwrap();
			assert_eq!(record.terms.requester, REQUESTER);
			assert_eq!(record.manifest.to_vec(), MANIFEST_CID.to_vec());
			assert_eq!((record.terms.item_count, record.terms.class_count, record.terms.min_redundancy, record.terms.max_redundancy), (10, 3, 3, 3));
			// 30 labels at 5 and their fee of 1.
			assert_eq!(record.escrow.label_budget, 180);
			assert_eq!(record.escrow.fee_per_label, FEE_PER_LABEL);
			assert_eq!(record.escrow.dispute_budget, 100);
			assert_eq!(record.terms.status, TaskStatus::Open);
			assert_eq!(record.gold_count, 2);
			assert_eq!(GoldCommitments::<Test>::iter_prefix(task).count(), 2);
			assert_eq!(NextTaskId::<Test>::get(), task + 1);
		});
	}

	#[test]
	fn ids_count_up_and_escrows_add_up() {
		test_with_invariants(|| {
			assert_eq!((create(), create()), (0, 1));
			assert_eq!(escrowed(REQUESTER), 2 * SPEC_BUDGET);
		});
	}

	#[test]
	fn a_task_without_gold_stores_none() {
		test_with_invariants(|| {
			let mut spec = spec();
			spec.gold_commitments = BoundedVec::new();
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
			assert_eq!(GoldCommitments::<Test>::iter_prefix(0).count(), 0);
		});
	}

	/// Each bad field fails with its own error and changes nothing.
	#[test]
	fn rejects_each_bad_field() {
		test_with_invariants(|| {
			let cases: Vec<(fn(&mut crate::TaskSpec<Test>), Error<Test>)> = vec![
				(|s| s.manifest = BoundedVec::new(), Error::<Test>::InvalidManifestCid),
				(|s| s.manifest = BoundedVec::truncate_from(MANIFEST_CID[2..].to_vec()), Error::<Test>::InvalidManifestCid),
				(|s| s.item_count = 0, Error::<Test>::ItemCountOutOfRange),
				(|s| s.item_count = MAX_ITEMS + 1, Error::<Test>::ItemCountOutOfRange),
				(|s| s.class_count = 1, Error::<Test>::ClassCountOutOfRange),
				(|s| s.class_count = MAX_CLASSES + 1, Error::<Test>::ClassCountOutOfRange),
				(|s| s.min_redundancy = 0, Error::<Test>::RedundancyOutOfRange),
				(|s| s.max_redundancy = MAX_REDUNDANCY + 1, Error::<Test>::RedundancyOutOfRange),
				(|s| { s.min_redundancy = 3; s.max_redundancy = 2 }, Error::<Test>::RedundancyOutOfRange),
				(|s| s.target_accuracy = Perbill::from_percent(50), Error::<Test>::ThresholdOutOfRange),
				(|s| s.reward_per_label = 0, Error::<Test>::ZeroReward),
				(|s| s.deadline = 1, Error::<Test>::DeadlineInPast),
				(|s| s.item_count = 1, Error::<Test>::TooManyGoldItems),
				(|s| s.reward_per_label = Balance::MAX, Error::<Test>::Overflow),
				(|s| s.dispute_budget = Balance::MAX, Error::<Test>::Overflow),
			];
			for (spoil, error) in cases {
				let mut spec = spec();
				spoil(&mut spec);
				assert_noop!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec), error);
			}
		});
	}

	#[test]
	fn the_widest_valid_task_is_accepted() {
		test_with_invariants(|| {
			let mut spec = spec();
			spec.item_count = MAX_ITEMS;
			spec.class_count = MAX_CLASSES;
			spec.max_redundancy = MAX_REDUNDANCY;
			spec.target_accuracy = Perbill::one();
			spec.reward_per_label = 1;
			spec.min_tier = Tier::Expert;
			spec.assignment = AssignmentMode::Open;
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
		});
	}

	#[test]
	fn rejects_a_budget_the_requester_cannot_cover() {
		test_with_invariants(|| {
			assert_noop!(
				Tasks::create_task(RuntimeOrigin::signed(POOR), spec()),
				Error::<Test>::InsufficientBalance
			);
		});
	}

	#[test]
	fn needs_a_signed_origin() {
		test_with_invariants(|| {
			assert_noop!(Tasks::create_task(RuntimeOrigin::none(), spec()), DispatchError::BadOrigin);
		});
	}
}

mod top_up {
	use super::*;

	#[test]
	fn adds_to_the_dispute_budget() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, 50));
			System::assert_last_event(Event::TaskToppedUp { task, amount: 50, dispute_budget: 150 }.into());
			assert_eq!(escrowed(REQUESTER), SPEC_BUDGET + 50);
			assert_eq!(TaskStore::<Test>::get(task).unwrap().escrow.dispute_budget, 150);
		});
	}

	#[test]
	fn rejects_bad_calls() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(Tasks::top_up(RuntimeOrigin::signed(REQUESTER), 9, 50), Error::<Test>::UnknownTask);
			assert_noop!(Tasks::top_up(RuntimeOrigin::signed(OTHER), task, 50), Error::<Test>::NotRequester);
			assert_noop!(Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, INITIAL_BALANCE),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, Balance::MAX),
				Error::<Test>::Overflow
			);
			// Nothing in flight: cancelling closes the task.
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_noop!(
				Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, 50),
				Error::<Test>::TaskAlreadyClosed
			);
		});
	}

	#[test]
	fn a_cancelled_task_with_items_in_flight_takes_a_top_up() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::items_started(task, 1));
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_eq!(status(task), TaskStatus::Cancelled);
			assert_ok!(Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, 50));
			assert_eq!(TaskStore::<Test>::get(task).unwrap().escrow.dispute_budget, 150);
			assert!(Tasks::can_pay_expert(task, 150));
			assert_ok!(Tasks::items_settled(task, 1));
			assert_eq!(status(task), TaskStatus::Closed);
			assert_eq!(escrowed(REQUESTER), 0);
		});
	}
}

mod extend_deadline {
	use super::*;

	#[test]
	fn moves_the_deadline_later() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::extend_deadline(RuntimeOrigin::signed(REQUESTER), task, 200));
			System::assert_last_event(Event::DeadlineExtended { task, deadline: 200 }.into());
			assert_eq!(TaskStore::<Test>::get(task).unwrap().terms.deadline, 200);
		});
	}

	#[test]
	fn rejects_bad_calls() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(
				Tasks::extend_deadline(RuntimeOrigin::signed(REQUESTER), 9, 200),
				Error::<Test>::UnknownTask
			);
			assert_noop!(
				Tasks::extend_deadline(RuntimeOrigin::signed(OTHER), task, 200),
				Error::<Test>::NotRequester
			);
			assert_noop!(
				Tasks::extend_deadline(RuntimeOrigin::signed(REQUESTER), task, 100),
				Error::<Test>::DeadlineNotExtended
			);
			// An item in flight keeps the task open past its deadline.
			assert_ok!(Tasks::items_started(task, 1));
			run_to_block(300);
			assert_noop!(
				Tasks::extend_deadline(RuntimeOrigin::signed(REQUESTER), task, 250),
				Error::<Test>::DeadlineNotExtended
			);
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_noop!(
				Tasks::extend_deadline(RuntimeOrigin::signed(REQUESTER), task, 400),
				Error::<Test>::TaskNotOpen
			);
		});
	}
}

mod cancel_task {
	use super::*;

	#[test]
	fn with_nothing_in_flight_closes_and_refunds_at_once() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			System::assert_has_event(Event::TaskCancelled { task }.into());
			System::assert_last_event(Event::TaskClosed { task, refunded: SPEC_BUDGET }.into());
			assert_eq!(status(task), TaskStatus::Closed);
			assert_eq!(escrowed(REQUESTER), 0);
			// Its two gold commitments were never revealed: their bonds went
			// to the treasury. The storage deposit waits for them to be pruned.
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - SPEC_GOLD_BONDS - SPEC_DEPOSIT);
			System::assert_has_event(Event::GoldBondsSettled { task, returned: 0, forfeited: SPEC_GOLD_BONDS }.into());
		});
	}

	#[test]
	fn with_items_in_flight_waits_and_still_pays_them() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::items_started(task, 1));
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			System::assert_last_event(Event::TaskCancelled { task }.into());
			assert_eq!(status(task), TaskStatus::Cancelled);
			assert!(!accepts_work_now(task));
			assert_noop!(
				Tasks::close_task(RuntimeOrigin::signed(OTHER), task),
				Error::<Test>::TaskStillActive
			);
			// The item in flight is paid, then settling it closes the task.
			assert_eq!(Tasks::pay_labels(task, &ANNOTATOR, 1), Ok(5));
			assert_ok!(Tasks::items_settled(task, 1));
			System::assert_last_event(Event::TaskClosed { task, refunded: SPEC_BUDGET - 5 - FEE_PER_LABEL }.into());
			assert_eq!(status(task), TaskStatus::Closed);
			assert_eq!(free(ANNOTATOR), INITIAL_BALANCE + 5);
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - 5 - FEE_PER_LABEL - SPEC_GOLD_BONDS - SPEC_DEPOSIT);
		});
	}

	#[test]
	fn rejects_bad_calls() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), 9), Error::<Test>::UnknownTask);
			assert_noop!(Tasks::cancel_task(RuntimeOrigin::signed(OTHER), task), Error::<Test>::NotRequester);
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_noop!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task), Error::<Test>::TaskNotOpen);
		});
	}
}

mod close_task {
	use super::*;

	#[test]
	fn after_the_deadline_anyone_closes_and_the_requester_is_refunded() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::items_started(task, 1));
			assert_ok!(Tasks::pay_labels(task, &ANNOTATOR, 1).map(|_| ()));
			assert_ok!(Tasks::items_settled(task, 1));
			// Block 101 without its hooks: before the agenda gets to it.
			System::set_block_number(101);
			assert!(!accepts_work_now(task));
			assert_ok!(Tasks::close_task(RuntimeOrigin::signed(OTHER), task));
			System::assert_last_event(Event::TaskClosed { task, refunded: SPEC_BUDGET - 5 - FEE_PER_LABEL }.into());
			assert_eq!(escrowed(REQUESTER), 0);
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - 5 - FEE_PER_LABEL - SPEC_GOLD_BONDS - SPEC_DEPOSIT);
		});
	}

	#[test]
	fn the_chain_closes_a_task_in_the_block_after_its_deadline() {
		test_with_invariants(|| {
			let task = create();
			run_to_block(100);
			assert_eq!(status(task), TaskStatus::Open);
			run_to_block(101);
			System::assert_has_event(Event::TaskClosed { task, refunded: SPEC_BUDGET }.into());
			assert_eq!(escrowed(REQUESTER), 0);
			assert_noop!(Tasks::close_task(RuntimeOrigin::signed(OTHER), task), Error::<Test>::TaskAlreadyClosed);
		});
	}

	#[test]
	fn an_extended_deadline_moves_the_automatic_close() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::extend_deadline(RuntimeOrigin::signed(REQUESTER), task, 150));
			run_to_block(140);
			assert_eq!(status(task), TaskStatus::Open);
			run_to_block(151);
			assert_eq!(status(task), TaskStatus::Closed);
		});
	}

	#[test]
	fn past_its_deadline_a_task_closes_when_its_last_item_in_flight_settles() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::items_started(task, 2));
			run_to_block(101);
			assert_eq!(status(task), TaskStatus::Open, "two items are in flight");
			assert_ok!(Tasks::items_settled(task, 1));
			assert_eq!(status(task), TaskStatus::Open);
			assert_ok!(Tasks::items_settled(task, 1));
			assert_eq!(status(task), TaskStatus::Closed);
			assert_eq!(escrowed(REQUESTER), 0);
		});
	}

	/// More tasks fall due in one block than its agenda budget closes: the
	/// rest close over the next blocks, oldest first, none skipped.
	#[test]
	fn deadlines_that_do_not_fit_one_block_carry_over() {
		test_with_invariants(|| {
			let tasks: Vec<u32> = (0..5).map(|_| create()).collect();
			let look = <() as crate::WeightInfo>::agenda_look();
			let close = <() as crate::WeightInfo>::close_at_deadline();
			// Room for two closes a block and the looks around them, not three.
			AgendaBudget::set(look.saturating_add(close).saturating_mul(2).saturating_add(look));
			assert!(look.all_lte(close));
			let closed = || tasks.iter().filter(|task| status(**task) == TaskStatus::Closed).count();
			run_to_block(101);
			assert_eq!(closed(), 2);
			run_to_block(102);
			assert_eq!(closed(), 4);
			run_to_block(103);
			assert_eq!(closed(), 5);
			assert_eq!(crate::DeadlineCursor::<Test>::get(), Some(103));
		});
	}

	/// While a multi-block migration runs, the deadline agenda waits (the
	/// migration may be counting or rewriting tasks); it catches up after.
	#[test]
	fn deadlines_wait_while_a_migration_runs() {
		test_with_invariants(|| {
			let task = create();
			run_to_block(2);
			assert_eq!(Tasks::deadline_backlog(), 0);
			Migrating::set(true);
			run_to_block(103);
			assert_eq!(status(task), TaskStatus::Open, "the agenda waits");
			assert_eq!(Tasks::deadline_backlog(), 101, "last run in block 2");
			Migrating::set(false);
			run_to_block(104);
			assert_eq!(status(task), TaskStatus::Closed);
			assert_eq!(Tasks::deadline_backlog(), 0);
		});
	}

	#[test]
	fn settling_the_last_item_closes_the_task() {
		test_with_invariants(|| {
			let mut spec = spec();
			spec.item_count = 2;
			spec.gold_commitments = BoundedVec::new();
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
			for _ in 0..2 {
				assert_ok!(Tasks::items_started(0, 1));
				for _ in 0..3 {
					assert_ok!(Tasks::pay_labels(0, &ANNOTATOR, 1).map(|_| ()));
				}
				assert_ok!(Tasks::items_settled(0, 1));
			}
			// 2 × 3 × 5 = 30 paid; the dispute budget comes back.
			System::assert_has_event(Event::TaskClosed { task: 0, refunded: 100 }.into());
			// Without gold, nothing waits to be pruned: the deposit is back.
			System::assert_last_event(Event::TaskPruned { task: 0, deposit_returned: TASK_DEPOSIT }.into());
			assert_eq!(free(ANNOTATOR), INITIAL_BALANCE + 30);
			assert_eq!(escrowed(REQUESTER), 0);
		});
	}

	#[test]
	fn rejects_bad_calls() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(Tasks::close_task(RuntimeOrigin::signed(OTHER), 9), Error::<Test>::UnknownTask);
			assert_noop!(Tasks::close_task(RuntimeOrigin::signed(OTHER), task), Error::<Test>::TaskStillActive);
			assert_ok!(Tasks::items_started(task, 1));
			run_to_block(101);
			// Past the deadline, but an item is still in flight.
			assert_noop!(Tasks::close_task(RuntimeOrigin::signed(OTHER), task), Error::<Test>::TaskStillActive);
			// Its settlement closes the task.
			assert_ok!(Tasks::items_settled(task, 1));
			assert_noop!(Tasks::close_task(RuntimeOrigin::signed(OTHER), task), Error::<Test>::TaskAlreadyClosed);
			assert_noop!(Tasks::close_task(RuntimeOrigin::none(), task), DispatchError::BadOrigin);
		});
	}
}

mod voting_interface {
	use super::*;

	#[test]
	fn terms_and_gold_are_readable() {
		test_with_invariants(|| {
			assert!(Tasks::terms(0).is_none());
			let task = create();
			let terms = Tasks::terms(task).unwrap();
			assert_eq!(terms.requester, REQUESTER);
			assert_eq!(terms.reward_per_label, 5);
			assert_eq!(terms.target_accuracy, Perbill::from_percent(60));
			assert!(accepts_work_now(task));
			assert_eq!(Tasks::gold_commitment(task, 1), Some(GoldCommitment { hash: H256::repeat_byte(8), revealed_for: None }));
			assert_eq!(Tasks::gold_commitment(task, 2), None);
		});
	}

	#[test]
	fn label_rewards_stop_at_items_times_redundancy() {
		test_with_invariants(|| {
			let task = create();
			for _ in 0..30 {
				assert_ok!(Tasks::pay_labels(task, &ANNOTATOR, 1).map(|_| ()));
			}
			System::assert_last_event(Event::LabelRewardPaid { task, annotator: ANNOTATOR, labels: 1, amount: 5 }.into());
			assert_noop!(Tasks::pay_labels(task, &ANNOTATOR, 1), Error::<Test>::LabelRewardsExhausted);
			assert_eq!(free(ANNOTATOR), INITIAL_BALANCE + 150);
			// Every reward's fee goes to the treasury, on top, in one payment.
			assert_eq!(Tasks::pay_owed_fees(task), Ok(30 * FEE_PER_LABEL));
			System::assert_last_event(Event::ProtocolFeePaid { task, amount: 30 * FEE_PER_LABEL }.into());
			assert_eq!(free(TREASURY), EXISTENTIAL_DEPOSIT + 30 * FEE_PER_LABEL);
			assert_eq!(Tasks::pay_owed_fees(task), Ok(0), "each fee is paid once");
		});
	}

	#[test]
	fn several_labels_are_paid_in_one_transfer_up_to_the_funded_count() {
		test_with_invariants(|| {
			let task = create();
			assert_eq!(Tasks::pay_labels(task, &ANNOTATOR, 28), Ok(140));
			System::assert_last_event(
				Event::LabelRewardPaid { task, annotator: ANNOTATOR, labels: 28, amount: 140 }.into(),
			);
			// 30 are funded: three more would be one too many.
			assert_noop!(Tasks::pay_labels(task, &ANNOTATOR, 3), Error::<Test>::LabelRewardsExhausted);
			assert_eq!(Tasks::pay_labels(task, &ANNOTATOR, 2), Ok(10));
			assert_eq!(free(ANNOTATOR), INITIAL_BALANCE + 150);
			assert_eq!(Tasks::pay_owed_fees(task), Ok(30 * FEE_PER_LABEL));
		});
	}

	#[test]
	fn several_items_start_and_settle_at_once() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::items_started(task, 7));
			assert_noop!(Tasks::items_started(task, 4), Error::<Test>::TooManyItemsStarted);
			assert_ok!(Tasks::items_started(task, 3));
			assert_noop!(Tasks::items_settled(task, 11), Error::<Test>::NoItemInFlight);
			assert_ok!(Tasks::items_settled(task, 9));
			assert_eq!(status(task), TaskStatus::Open);
			assert_ok!(Tasks::items_settled(task, 1));
			assert_eq!(status(task), TaskStatus::Closed);
		});
	}

	#[test]
	fn experts_are_paid_from_the_dispute_budget_only() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::pay_expert(task, &EXPERT, 60));
			System::assert_last_event(Event::ExpertPaid { task, expert: EXPERT, amount: 60 }.into());
			assert_noop!(Tasks::pay_expert(task, &EXPERT, 41), Error::<Test>::DisputeBudgetExhausted);
			assert_noop!(Tasks::pay_expert(task, &EXPERT, 0), Error::<Test>::ZeroAmount);
			assert_ok!(Tasks::pay_expert(task, &EXPERT, 40));
			assert_eq!(free(EXPERT), INITIAL_BALANCE + 100);
		});
	}

	#[test]
	fn item_progress_is_bounded_by_the_item_count() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(Tasks::items_settled(task, 1), Error::<Test>::NoItemInFlight);
			for _ in 0..10 {
				assert_ok!(Tasks::items_started(task, 1));
			}
			assert_noop!(Tasks::items_started(task, 1), Error::<Test>::TooManyItemsStarted);
			assert_noop!(Tasks::items_started(9, 1), Error::<Test>::UnknownTask);
		});
	}

	#[test]
	fn a_closed_task_pays_nothing() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_noop!(Tasks::pay_labels(task, &ANNOTATOR, 1), Error::<Test>::TaskAlreadyClosed);
			assert_noop!(Tasks::pay_expert(task, &EXPERT, 1), Error::<Test>::TaskAlreadyClosed);
			assert_noop!(Tasks::items_started(task, 1), Error::<Test>::TaskAlreadyClosed);
			assert_noop!(Tasks::pay_labels(9, &ANNOTATOR, 1), Error::<Test>::UnknownTask);
		});
	}
}

#[test]
fn try_state_catches_an_escrow_that_does_not_match() {
	new_test_ext().execute_with(|| {
		let task = create();
		TaskStore::<Test>::mutate(task, |record| record.as_mut().unwrap().escrow.refunded = 1);
		assert!(Tasks::do_try_state().is_err());
	});
}

mod gold_bonds {
	use super::*;

	fn gold_held() -> Balance {
		Balances::balance_on_hold(&HoldReason::GoldBond.into(), &REQUESTER)
	}

	#[test]
	fn each_commitment_holds_its_bond_apart_from_the_escrow() {
		test_with_invariants(|| {
			let task = create();
			assert_eq!(gold_held(), SPEC_GOLD_BONDS);
			assert_eq!(escrowed(REQUESTER), SPEC_BUDGET);
			assert_eq!(TaskStore::<Test>::get(task).unwrap().gold_bonds.per_commitment, 3 * GOLD_BOND_PER_LABEL);
		});
	}

	#[test]
	fn a_requester_short_of_the_bonds_cannot_create() {
		test_with_invariants(|| {
			// POOR can hold this task's escrow but not its gold bonds too.
			let mut spec = spec();
			spec.item_count = 2;
			(spec.min_redundancy, spec.max_redundancy) = (1, 1);
			spec.dispute_budget = 71;
			let quote = Tasks::budget_of(2, 1, 5, 71, 2).unwrap();
			assert!(quote.total - quote.gold_bonds <= POOR_BALANCE - EXISTENTIAL_DEPOSIT);
			assert!(quote.total > POOR_BALANCE - EXISTENTIAL_DEPOSIT);
			assert_noop!(Tasks::create_task(RuntimeOrigin::signed(POOR), spec), Error::<Test>::InsufficientBalance);
		});
	}

	#[test]
	fn a_revealed_answer_that_stood_gets_its_bond_back_and_an_unrevealed_one_forfeits_to_the_treasury() {
		test_with_invariants(|| {
			let task = create();
			assert_ok!(Tasks::gold_revealed(task, 0, 3));
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			let bond = 3 * GOLD_BOND_PER_LABEL;
			System::assert_has_event(Event::GoldBondsSettled { task, returned: bond, forfeited: bond }.into());
			assert_eq!(gold_held(), 0);
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - bond - SPEC_DEPOSIT);
			assert_eq!(free(TREASURY), EXISTENTIAL_DEPOSIT + bond);
		});
	}

	#[test]
	fn a_forfeited_bond_is_shared_by_the_wronged_annotators_and_never_returned() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(Tasks::forfeit_gold_bond(task, &[ANNOTATOR]), Error::<Test>::NoGoldLeft);
			assert_ok!(Tasks::gold_revealed(task, 0, 3));
			let bond = 3 * GOLD_BOND_PER_LABEL;
			assert_eq!(Tasks::forfeit_gold_bond(task, &[ANNOTATOR, OTHER]), Ok(vec![(ANNOTATOR, bond / 2), (OTHER, bond / 2)]));
			System::assert_last_event(Event::GoldBondForfeited { task, to_annotators: bond, to_treasury: 0 }.into());
			assert_eq!(free(ANNOTATOR), INITIAL_BALANCE + bond / 2);
			// The same answer's bond cannot be forfeited twice.
			assert_noop!(Tasks::forfeit_gold_bond(task, &[ANNOTATOR]), Error::<Test>::NoGoldLeft);
			assert_ok!(Tasks::gold_revealed(task, 1, 4));
			assert_noop!(Tasks::gold_revealed(task, 0, 0), Error::<Test>::NoGoldLeft);
			// With nobody to share it, the treasury takes it.
			assert_eq!(Tasks::forfeit_gold_bond(task, &[]), Ok(vec![]));
			System::assert_last_event(Event::GoldBondForfeited { task, to_annotators: 0, to_treasury: bond }.into());
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			System::assert_has_event(Event::GoldBondsSettled { task, returned: 0, forfeited: 0 }.into());
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - 2 * bond - SPEC_DEPOSIT);
		});
	}
}

mod protocol_fee {
	use super::*;

	#[test]
	fn every_paid_reward_pays_its_fee_to_the_treasury_and_the_budget_says_so_beforehand() {
		test_with_invariants(|| {
			let quote = Tasks::budget_of(10, 3, 5, 100, 2).expect("no overflow");
			assert_eq!(
				(quote.fee_per_label, quote.labels, quote.gold_bonds, quote.total),
				(FEE_PER_LABEL, 180, SPEC_GOLD_BONDS, SPEC_BUDGET + SPEC_GOLD_BONDS + SPEC_DEPOSIT)
			);
			let task = create();
			let requester_before = free(REQUESTER) + escrowed(REQUESTER);
			assert_eq!(Tasks::pay_labels(task, &ANNOTATOR, 4), Ok(20));
			assert_ok!(Tasks::pay_owed_fees(task));
			assert_eq!(free(TREASURY), EXISTENTIAL_DEPOSIT + 4 * FEE_PER_LABEL);
			assert_eq!(free(REQUESTER) + escrowed(REQUESTER), requester_before - 20 - 4 * FEE_PER_LABEL);
			let escrow = TaskStore::<Test>::get(task).unwrap().escrow;
			assert_eq!((escrow.paid_to_annotators, escrow.fees_paid), (20, 4 * FEE_PER_LABEL));
		});
	}

	#[test]
	fn a_refunded_label_returns_its_fee_too() {
		test_with_invariants(|| {
			let task = create();
			assert_eq!(Tasks::refund_labels(task, 3), Ok(3 * (5 + FEE_PER_LABEL)));
			assert_eq!(free(TREASURY), EXISTENTIAL_DEPOSIT, "no fee on a label nobody earned");
		});
	}

	#[test]
	fn the_fee_rounds_up_so_no_reward_goes_without_one() {
		test_with_invariants(|| {
			// 20 % of 3 is 0.6: the fee is 1.
			assert_eq!(Tasks::budget_of(1, 1, 3, 0, 0).map(|quote| quote.fee_per_label).ok(), Some(1));
			assert!(matches!(Tasks::budget_of(u32::MAX, 64, Balance::MAX / 2, 0, 0), Err(Error::<Test>::Overflow)));
		});
	}
}

mod storage_deposit {
	use super::*;
	use crate::Pruning;

	fn deposit_held() -> Balance {
		Balances::balance_on_hold(&HoldReason::StorageDeposit.into(), &REQUESTER)
	}

	fn spec_with_gold(count: u8) -> crate::TaskSpec<Test> {
		let mut spec = spec();
		spec.gold_commitments = BoundedVec::truncate_from((0..count).map(H256::repeat_byte).collect());
		spec
	}

	#[test]
	fn a_closed_tasks_gold_is_pruned_a_bounded_step_a_block_then_its_deposit_returns() {
		test_with_invariants(|| {
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec_with_gold(5)));
			let deposit = TASK_DEPOSIT + 5 * GOLD_DEPOSIT;
			assert_eq!(TaskStore::<Test>::get(0).unwrap().storage_deposit, deposit);
			assert_eq!(deposit_held(), deposit);
			assert_ok!(Tasks::gold_revealed(0, 3, 7));
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), 0));
			assert!(Pruning::<Test>::contains_key(0));
			// Two a block (`MaxPrunePerBlock`): 5 commitments take three blocks.
			run_to_block(2);
			assert_eq!(GoldCommitments::<Test>::iter_prefix(0).count(), 3);
			run_to_block(3);
			assert_eq!(GoldCommitments::<Test>::iter_prefix(0).count(), 1);
			assert_eq!(deposit_held(), deposit, "held until the last commitment is gone");
			run_to_block(4);
			System::assert_has_event(Event::TaskPruned { task: 0, deposit_returned: deposit }.into());
			assert_eq!(deposit_held(), 0);
			assert!(!Pruning::<Test>::contains_key(0));
			// What stays is the task's record, and it holds nothing.
			let record = TaskStore::<Test>::get(0).unwrap();
			assert_eq!((record.terms.status, record.storage_deposit), (TaskStatus::Closed, 0));
			let bond = 3 * GOLD_BOND_PER_LABEL;
			assert_eq!(free(REQUESTER), INITIAL_BALANCE - 4 * bond, "only the unrevealed bonds are gone");
		});
	}

	#[test]
	fn tasks_wait_their_turn_to_be_pruned() {
		test_with_invariants(|| {
			for _ in 0..2 {
				assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec_with_gold(2)));
			}
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), 0));
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), 1));
			run_to_block(2);
			assert_eq!(Pruning::<Test>::iter_keys().count(), 1, "one task a block");
			run_to_block(3);
			assert_eq!(Pruning::<Test>::iter_keys().count(), 0);
			assert_eq!(deposit_held(), 0);
			assert_eq!(GoldCommitments::<Test>::iter().count(), 0);
		});
	}

	#[test]
	fn the_deposit_is_part_of_the_quote_and_a_requester_short_of_it_cannot_create() {
		test_with_invariants(|| {
			let quote = Tasks::budget_of(10, 3, 5, 100, 2).unwrap();
			assert_eq!(quote.storage_deposit, SPEC_DEPOSIT);
			// POOR can pay everything but the deposit.
			let mut spec = spec();
			spec.item_count = 2;
			(spec.min_redundancy, spec.max_redundancy) = (1, 1);
			spec.gold_commitments = BoundedVec::new();
			spec.dispute_budget = POOR_BALANCE - EXISTENTIAL_DEPOSIT - 12 - TASK_DEPOSIT + 1;
			assert_noop!(Tasks::create_task(RuntimeOrigin::signed(POOR), spec.clone()), Error::<Test>::InsufficientBalance);
			spec.dispute_budget -= 1;
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(POOR), spec));
		});
	}

	#[test]
	fn a_revealed_commitment_is_marked_and_cannot_be_revealed_again() {
		test_with_invariants(|| {
			let task = create();
			assert_noop!(Tasks::gold_revealed(task, 9, 0), Error::<Test>::UnknownGold);
			assert_ok!(Tasks::gold_revealed(task, 1, 4));
			assert_eq!(Tasks::gold_commitment(task, 1).and_then(|gold| gold.revealed_for), Some(4));
			assert_noop!(Tasks::gold_revealed(task, 1, 4), Error::<Test>::GoldAlreadyRevealed);
		});
	}
}
