//! The agenda: the chain moves every item on by itself, oldest first within
//! each block's budget, and no hold outlives its reason whatever experts do.

use super::*;
use frame_support::{traits::fungible::InspectHold, weights::Weight};
use labelchain_primitives::traits::TaskInspect;

use crate::{AgendaCursor, HoldReason};

/// A binary Open task of `items` items and `redundancy`, with changes.
fn create_with(items: u32, redundancy: u8, change: impl FnOnce(&mut pallet_tasks::TaskSpec<Test>)) -> u32 {
	let task = pallet_tasks::NextTaskId::<Test>::get();
	let mut spec = task_spec(items, redundancy, AssignmentMode::Open);
	change(&mut spec);
	assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
	task
}

fn status(task: u32) -> TaskStatus {
	Tasks::terms(task).expect("the task exists").status
}

fn escrowed() -> Balance {
	Balances::balance_on_hold(&pallet_tasks::HoldReason::TaskEscrow.into(), &REQUESTER)
}

fn appeal_bonds(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::AppealBond.into(), &who)
}

/// Every label, claim and appeal of `task` is gone, the task closed, and no
/// escrow, stake lock or appeal bond of anyone is left.
fn nothing_outlives(task: u32) {
	assert_eq!(status(task), TaskStatus::Closed);
	assert_eq!(Items::<Test>::iter_prefix(task).count(), 0, "items in flight");
	// Entries left on the agenda are stale (no item behind them), skipped
	// when their block comes; they hold nothing.
	assert_eq!(escrowed(), 0, "escrow still held");
	for n in 0..ANNOTATORS {
		assert_eq!(locked_stake(annotator(n)), 0, "annotator {n}'s stake is still locked");
		assert_eq!(OpenClaims::<Test>::get(annotator(n)), 0);
		assert_eq!(appeal_bonds(annotator(n)), 0);
	}
	assert_eq!(appeal_bonds(REQUESTER), 0);
}

fn settled(task: u32, item: u32) -> SettledItem<u64> {
	SettledItems::<Test>::get(task, item).expect("the item settled")
}

#[test]
fn a_task_is_tallied_settled_and_closed_without_a_finalize_call() {
	test_with_invariants(|| {
		let task = create_task(2, 3, AssignmentMode::Open);
		for n in 0..3 {
			claim_and_commit(task, 0, annotator(n), 1);
			claim_and_commit(task, 1, annotator(n), 1);
		}
		let revealing_until = System::block_number() + REVEAL_WINDOW;
		// Item 0 is revealed in full; item 1 by two of its three annotators.
		for n in 0..3 {
			reveal(task, 0, annotator(n), 1);
		}
		reveal(task, 1, annotator(0), 1);
		reveal(task, 1, annotator(1), 1);
		run_to_block(revealing_until);
		assert!(matches!(phase(task, 1), ItemPhase::Revealing { .. }));
		// The block after the window, the agenda tallies item 1.
		run_to_block(revealing_until + 1);
		assert!(matches!(phase(task, 1), ItemPhase::Accepted { .. }));
		run_to_block(revealing_until + 1 + APPEAL_WINDOW + 1);
		assert_eq!((settled(task, 0).label, settled(task, 0).decided_by), (1, Decision::Crowd));
		assert_eq!((settled(task, 1).label, settled(task, 1).decided_by), (1, Decision::Crowd));
		// Two rewards each; the unrevealed commit slashed.
		assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND + 2 * REWARD);
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
		assert_eq!(Earnings::<Test>::get(annotator(2)).slashed, UNREVEALED_SLASH);
		nothing_outlives(task);
	});
}

#[test]
fn a_dispute_no_expert_decides_falls_back_to_a_two_annotator_plurality() {
	test_with_invariants(|| {
		let task = create_with(1, 3, |spec| spec.target_accuracy = Perbill::from_percent(90));
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			reveal(task, 0, annotator(n), label);
		}
		let ItemPhase::Disputed { times_out_at } = phase(task, 0) else { panic!("disputed") };
		assert_eq!(times_out_at, System::block_number() + EXPERT_TIMEOUT);
		run_to_block(times_out_at);
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }), "the expert still has this block");
		run_to_block(times_out_at + 1);
		let record = settled(task, 0);
		assert_eq!((record.label, record.decided_by), (1, Decision::Fallback));
		assert_eq!(TaskQualities::<Test>::get(task).settled_by_fallback, 1);
		assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND + REWARD);
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND);
		// No expert was paid: the whole dispute budget comes back; the two
		// rewards cost their fee too. The storage deposit comes back once
		// the next block has pruned the task's annotator models.
		assert_eq!(free(REQUESTER), INITIAL_BALANCE - 2 * (REWARD + FEE) - TASK_DEPOSIT);
		run_to_block(times_out_at + 2);
		assert_eq!(free(REQUESTER), INITIAL_BALANCE - 2 * (REWARD + FEE));
		nothing_outlives(task);
	});
}

#[test]
fn a_tie_no_expert_decides_is_unresolved_and_its_label_budget_refunded() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 0);
		claim_and_commit(task, 0, annotator(1), 1);
		reveal(task, 0, annotator(0), 0);
		reveal(task, 0, annotator(1), 1);
		run_to_block(System::block_number() + EXPERT_TIMEOUT + 1);
		let record = settled(task, 0);
		assert_eq!(record.decided_by, Decision::Unresolved);
		System::assert_has_event(
			pallet_tasks::Event::LabelBudgetRefunded { task, labels: 2, amount: 2 * (REWARD + FEE) }.into(),
		);
		// Nobody was paid, slashed or scored.
		for n in 0..2 {
			assert_eq!(free(annotator(n)), INITIAL_BALANCE - BOND);
			assert_eq!(Earnings::<Test>::get(annotator(n)), Default::default());
			assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(n), 1), Default::default());
		}
		assert_eq!(free(REQUESTER), INITIAL_BALANCE, "the whole budget came back");
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.unresolved, quality.labels_revealed, quality.items_settled()), (1, 0, 1));
		nothing_outlives(task);
	});
}

#[test]
fn with_no_dispute_budget_a_dispute_falls_back_in_the_next_block_and_appeals_are_refused() {
	test_with_invariants(|| {
		let task = create_with(2, 2, |spec| spec.dispute_budget = 0);
		for n in 0..2 {
			claim_and_commit(task, 0, annotator(n), n as u16);
			claim_and_commit(task, 1, annotator(n), 1);
		}
		for n in 0..2 {
			reveal(task, 0, annotator(n), n as u16);
			reveal(task, 1, annotator(n), 1);
		}
		let now = System::block_number();
		System::assert_has_event(Event::ItemDisputed { task, item: 0, times_out_at: now }.into());
		assert_noop!(
			LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 1),
			Error::<Test>::DisputeBudgetExhausted
		);
		run_to_block(now + 1);
		assert_eq!(settled(task, 0).decided_by, Decision::Unresolved);
		run_to_block(now + APPEAL_WINDOW + 1);
		assert_eq!(settled(task, 1).decided_by, Decision::Crowd);
		nothing_outlives(task);
	});
}

#[test]
fn a_cancelled_task_with_a_pending_dispute_closes_after_the_timeout() {
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 0);
		claim_and_commit(task, 0, annotator(1), 1);
		reveal(task, 0, annotator(0), 0);
		reveal(task, 0, annotator(1), 1);
		let times_out_at = System::block_number() + EXPERT_TIMEOUT;
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
		assert_eq!(status(task), TaskStatus::Cancelled);
		// The requester may still fund an expert for it.
		assert_ok!(Tasks::top_up(RuntimeOrigin::signed(REQUESTER), task, 10));
		run_to_block(times_out_at);
		assert_eq!(status(task), TaskStatus::Cancelled);
		run_to_block(times_out_at + 1);
		assert_eq!(settled(task, 0).decided_by, Decision::Unresolved);
		assert_eq!(free(REQUESTER), INITIAL_BALANCE);
		nothing_outlives(task);
	});
}

#[test]
fn an_appeal_no_expert_decides_lapses_with_its_bond_returned() {
	test_with_invariants(|| {
		let task = create_task(1, 3, AssignmentMode::Open);
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			reveal(task, 0, annotator(n), label);
		}
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
		let ItemPhase::Appealed { times_out_at, .. } = phase(task, 0) else { panic!("appealed") };
		assert_eq!(appeal_bonds(annotator(2)), APPEAL_BOND);
		run_to_block(times_out_at + 1);
		System::assert_has_event(Event::AppealTimedOut { task, item: 0 }.into());
		assert_eq!((settled(task, 0).label, settled(task, 0).decided_by), (1, Decision::Crowd));
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND, "the bond came back");
		nothing_outlives(task);
	});
}

#[test]
fn at_the_deadline_live_claims_are_released_and_waiting_commits_revealed() {
	test_with_invariants(|| {
		let deadline = 30;
		let task = create_with(2, 3, |spec| spec.deadline = deadline);
		jump_to_block(deadline - 2);
		claim_and_commit(task, 0, annotator(0), 1);
		claim_and_commit(task, 0, annotator(1), 1);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(2)), task, 0));
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(3)), task, 1));
		run_to_block(deadline + 1);
		// Claims that could not become commits any more are let go, free of
		// blame; item 0 opens its reveal with the two commits it has.
		System::assert_has_event(Event::ClaimReleased { task, item: 0, annotator: annotator(2) }.into());
		System::assert_has_event(Event::ClaimReleased { task, item: 1, annotator: annotator(3) }.into());
		assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(2), 1), Default::default());
		assert_eq!(locked_stake(annotator(2)), 0);
		assert!(Items::<Test>::get(task, 1).is_none(), "item 1 is untouched again");
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
		reveal(task, 0, annotator(0), 1);
		reveal(task, 0, annotator(1), 1);
		// Within the bound: deadline, reveal window, appeal window.
		run_to_block(deadline + 1 + REVEAL_WINDOW + APPEAL_WINDOW + 2);
		assert_eq!(settled(task, 0).decided_by, Decision::Crowd);
		nothing_outlives(task);
	});
}

/// However experts and annotators behave, nothing is held past deadline +
/// reveal window + appeal window + expert timeout (and the few blocks each
/// step waits for the next).
#[test]
fn no_hold_outlives_the_deadline_bound_whatever_nobody_does() {
	test_with_invariants(|| {
		let deadline = 40;
		let task = create_with(6, 3, |spec| spec.deadline = deadline);
		jump_to_block(deadline - 1);
		// Item 0: a tie that goes to an expert who never comes. Item 1: two
		// commits never revealed. Item 2: accepted, then appealed, and the
		// expert never comes. Item 3: a claim only. Items 4, 5: nothing.
		claim_and_commit(task, 0, annotator(0), 0);
		claim_and_commit(task, 0, annotator(1), 1);
		claim_and_commit(task, 0, annotator(2), 1);
		claim_and_commit(task, 1, annotator(3), 0);
		claim_and_commit(task, 1, annotator(4), 0);
		for n in 0..3 {
			claim_and_commit(task, 2, annotator(n), 1);
		}
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(5)), task, 3));
		reveal(task, 0, annotator(0), 0);
		reveal(task, 0, annotator(1), 1);
		for n in 0..3 {
			reveal(task, 2, annotator(n), 1);
		}
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 2));
		let bound = deadline + REVEAL_WINDOW + APPEAL_WINDOW + EXPERT_TIMEOUT + 4;
		run_to_block(bound);
		nothing_outlives(task);
		assert_eq!(settled(task, 1).decided_by, Decision::Unresolved);
		assert_eq!(Earnings::<Test>::get(annotator(3)).slashed, UNREVEALED_SLASH);
	});
}

/// More items fall due in one block than the agenda's budget takes: the
/// rest wait for the next blocks, oldest first, and none is skipped.
#[test]
fn a_block_with_more_due_items_than_fit_carries_the_rest_over() {
	test_with_invariants(|| {
		let task = create_task(10, 1, AssignmentMode::Open);
		for item in 0..10 {
			claim_and_commit(task, item, annotator(0), 1);
		}
		let labels = (0..10).map(|item| (item, 1, salt(annotator(0)))).collect::<Vec<_>>();
		assert_ok!(LabelVoting::reveal_batch(
			RuntimeOrigin::signed(annotator(0)),
			task,
			frame_support::BoundedVec::truncate_from(labels),
		));
		let look = <() as crate::WeightInfo>::agenda_look();
		let one = LabelVoting::agenda_entry_weight(1);
		let most = LabelVoting::agenda_entry_weight(<<Test as crate::Config>::MaxRedundancy as frame_support::traits::Get<u32>>::get());
		let due = System::block_number() + APPEAL_WINDOW + 1;
		let settled_count = || SettledItems::<Test>::iter_prefix(task).count();
		// Until then only stale entries come up (the reveal windows the
		// tallies closed early).
		run_to_block(due - 1);
		assert_eq!(settled_count(), 0);
		// Room for three items a block: every entry needs room for the
		// largest item before it starts, and is charged for its own.
		AgendaBudget::set(look.saturating_mul(4).saturating_add(one.saturating_mul(2)).saturating_add(most));
		for (block, count) in [(due, 3), (due + 1, 6), (due + 2, 9), (due + 3, 10)] {
			run_to_block(block);
			assert_eq!(settled_count(), count, "block {block}");
		}
		assert_eq!(AgendaCursor::<Test>::get(), Some(due + 3));
		nothing_outlives(task);
		AgendaBudget::set(Weight::from_parts(200_000_000_000, 20_000_000));
	});
}

/// An item whose due block moves later keeps its earlier entry, which the
/// agenda moves on when it comes; an entry the item moved away from is
/// stale, and skipped.
#[test]
fn a_stale_agenda_entry_is_skipped() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		// The first claim puts the item under the block after it expires (its
		// commit only moves the item's due block later, which the agenda
		// learns when that block comes); the second commit opens its reveal,
		// due earlier, under the block after the window.
		claim_and_commit(task, 0, annotator(0), 1);
		let claim_expired_at = 1 + CLAIM_TTL + 1;
		assert_eq!(Items::<Test>::get(task, 0).and_then(|state| state.agenda_at), Some(claim_expired_at));
		claim_and_commit(task, 0, annotator(1), 1);
		let revealing_at = Items::<Test>::get(task, 0).and_then(|state| state.agenda_at);
		assert_eq!(revealing_at, Some(System::block_number() + REVEAL_WINDOW + 1));
		assert!(crate::Agenda::<Test>::contains_key(claim_expired_at, (task, 0)), "the old entry stays, stale");
		// The item settles first: the tally's appeal window is due later than
		// the reveal window's entry, which the agenda meets, finds nothing
		// due, and moves to the window's end.
		reveal(task, 0, annotator(0), 1);
		reveal(task, 0, annotator(1), 1);
		let ItemPhase::Accepted { appeal_ends_at, .. } = phase(task, 0) else { panic!("accepted") };
		assert_eq!(Items::<Test>::get(task, 0).and_then(|state| state.agenda_at), revealing_at);
		run_to_block(revealing_at.unwrap());
		assert_eq!(Items::<Test>::get(task, 0).and_then(|state| state.agenda_at), Some(appeal_ends_at + 1));
		run_to_block(appeal_ends_at + 1);
		assert!(SettledItems::<Test>::contains_key(task, 0));
		// At the stale entry nothing happens.
		let events_before = System::events().len();
		run_to_block(claim_expired_at);
		assert!(!crate::Agenda::<Test>::contains_key(claim_expired_at, (task, 0)));
		assert!(
			System::events()[events_before..].iter().all(|record| !matches!(
				record.event,
				RuntimeEvent::LabelVoting(_)
			)),
			"a stale entry does nothing"
		);
	});
}

/// While a multi-block migration runs the agenda waits (the migration may
/// be rewriting items): an item whose window ended stays where it is, the
/// backlog grows, and the agenda catches up when the migration is done.
/// The chain's phase totals follow the item throughout.
#[test]
fn the_agenda_waits_while_a_migration_runs_and_catches_up_after() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 1);
		claim_and_commit(task, 0, annotator(1), 1);
		assert_eq!(LabelVoting::phase_totals().revealing, 1);
		let revealing_until = System::block_number() + REVEAL_WINDOW;
		run_to_block(revealing_until);
		assert_eq!(LabelVoting::agenda_backlog(), 0);
		Migrating::set(true);
		run_to_block(revealing_until + 5);
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }), "nothing moves");
		assert_eq!(LabelVoting::agenda_backlog(), 5);
		Migrating::set(false);
		run_to_block(revealing_until + 6);
		assert_eq!(LabelVoting::agenda_backlog(), 0);
		assert!(!matches!(phase(task, 0), ItemPhase::Revealing { .. }), "the ended window is dealt with");
		assert_eq!(LabelVoting::phase_totals().revealing, 0);
		assert_eq!(LabelVoting::phase_totals().total(), 1, "the item is still counted, in its new phase");
	});
}
