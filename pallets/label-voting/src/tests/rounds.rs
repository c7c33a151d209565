//! Adaptive redundancy: an item starts with `r_min` places, asks for one
//! more label at a time while the crowd is not sure, and goes to an expert
//! only at `r_max`; the budget holds `r_max` labels an item and what is not
//! used comes back at close.

use super::*;

/// An `Open` binary task of `items` items taking `min..=max` labels an item
/// (at the mock's 60 % target accuracy).
fn adaptive_task(items: u32, min: u8, max: u8) -> u32 {
	adaptive_task_at(items, min, max, Perbill::from_percent(60))
}

/// The same at `target` accuracy.
fn adaptive_task_at(items: u32, min: u8, max: u8, target: Perbill) -> u32 {
	create_adaptive(adaptive_spec(items, min, max, target))
}

fn adaptive_spec(items: u32, min: u8, max: u8, target: Perbill) -> pallet_tasks::TaskSpec<Test> {
	let mut spec = task_spec(items, max, AssignmentMode::Open);
	spec.min_redundancy = min;
	spec.target_accuracy = target;
	spec
}

fn create_adaptive(spec: pallet_tasks::TaskSpec<Test>) -> u32 {
	let task = pallet_tasks::NextTaskId::<Test>::get();
	assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
	task
}

/// `who` commits `label` on an `Open` task's `item` (an implicit claim).
fn commit(task: u32, item: u32, who: AccountId, label: u16) {
	assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(who), task, item, sealed(task, item, label, who)));
}

/// Annotators `first..` commit `labels` on `item` in turn, then reveal them.
fn round(task: u32, item: u32, first: u64, labels: &[u16]) {
	for (n, label) in (first..).zip(labels) {
		commit(task, item, annotator(n), *label);
	}
	for (n, label) in (first..).zip(labels) {
		reveal(task, item, annotator(n), *label);
	}
}

fn more_wanted(task: u32, item: u32, places: u32) -> bool {
	System::events()
		.iter()
		.any(|record| record.event == RuntimeEvent::LabelVoting(Event::MoreLabelsWanted { task, item, places }))
}

#[test]
fn two_agreeing_labels_settle_an_item_that_may_take_four() {
	test_with_invariants(|| {
		let task = adaptive_task(1, 2, 4);
		round(task, 0, 0, &[1, 1]);
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 1, .. }));
		settle_after_appeal_window(task, 0);
		assert_eq!(SettledItems::<Test>::get(task, 0).map(|settled| settled.label), Some(1));
		// The item used two of its four labels: the other two's rewards and
		// fees came back with the rest of the escrow at close.
		assert_eq!(pallet_tasks::Tasks::<Test>::get(task).map(|record| record.terms.status), Some(TaskStatus::Closed));
		let record = pallet_tasks::Tasks::<Test>::get(task).expect("kept");
		assert_eq!(record.escrow.labels_paid, 2);
		assert_eq!(record.escrow.label_budget, 4 * (REWARD + FEE));
		assert_eq!(record.escrow.refunded, 2 * (REWARD + FEE) + 100);
	});
}

#[test]
fn a_split_round_asks_for_one_more_label_and_the_third_decides() {
	test_with_invariants(|| {
		let task = adaptive_task(1, 2, 4);
		round(task, 0, 0, &[1, 0]);
		assert_eq!(phase(task, 0), ItemPhase::Labeling);
		assert!(more_wanted(task, 0, 3));
		// The first round's annotators keep their labels and may not add another.
		assert_noop!(
			LabelVoting::commit(RuntimeOrigin::signed(annotator(0)), task, 0, sealed(task, 0, 1, annotator(0))),
			Error::<Test>::AlreadyLabeled
		);
		commit(task, 0, annotator(2), 1);
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
		reveal(task, 0, annotator(2), 1);
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 1, .. }));
		settle_after_appeal_window(task, 0);
		let record = pallet_tasks::Tasks::<Test>::get(task).expect("kept");
		assert_eq!(record.escrow.labels_paid, 2, "the two who gave the label are paid");
	});
}

#[test]
fn a_round_after_the_first_has_one_place() {
	test_with_invariants(|| {
		let task = adaptive_task(1, 2, 4);
		round(task, 0, 0, &[1, 0]);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(2)), task, 0));
		// The one place is held: nobody else may take the item now.
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(annotator(3)), task, 0),
			Error::<Test>::ItemFull
		);
		assert_noop!(
			LabelVoting::commit(RuntimeOrigin::signed(annotator(3)), task, 0, sealed(task, 0, 1, annotator(3))),
			Error::<Test>::ItemFull
		);
		// Its claim expires: the place is free again, and the item still waits.
		run_to_block(1 + CLAIM_TTL + 1);
		assert_eq!(phase(task, 0), ItemPhase::Labeling);
		commit(task, 0, annotator(3), 1);
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
	});
}

#[test]
fn an_item_still_unsure_at_its_most_labels_goes_to_an_expert() {
	test_with_invariants(|| {
		let task = adaptive_task_at(1, 2, 3, Perbill::from_percent(90));
		round(task, 0, 0, &[1, 0]);
		assert!(more_wanted(task, 0, 3));
		round(task, 0, 2, &[0]);
		// Two newcomers against one fall short of a 90 % target, and the
		// item has no place left: an expert decides.
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
		assert_eq!(Items::<Test>::get(task, 0).map(|state| state.commits.len()), Some(3));
	});
}

#[test]
fn an_unsure_item_at_the_deadline_is_tallied_once_more_and_disputed() {
	test_with_invariants(|| {
		let task = adaptive_task(1, 2, 4);
		round(task, 0, 0, &[1, 0]);
		assert_eq!(phase(task, 0), ItemPhase::Labeling);
		// Nobody else comes before the deadline: the agenda tallies the two
		// labels for the last time, and the item is disputed (it was never
		// sure enough to accept).
		run_to_block(1_000 + 2);
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
		assert!(!more_wanted(task, 0, 4));
	});
}

#[test]
fn a_label_budget_is_held_for_the_most_labels_an_item_may_take() {
	test_with_invariants(|| {
		let before = free(REQUESTER);
		let task = adaptive_task(3, 1, 5);
		let record = pallet_tasks::Tasks::<Test>::get(task).expect("created");
		assert_eq!(record.escrow.label_budget, 3 * 5 * (REWARD + FEE));
		assert_eq!(before - free(REQUESTER), 3 * 5 * (REWARD + FEE) + 100 + TASK_DEPOSIT);
	});
}

#[test]
fn redundancy_out_of_order_is_refused() {
	test_with_invariants(|| {
		let mut spec = task_spec(1, 2, AssignmentMode::Open);
		spec.min_redundancy = 3;
		assert_noop!(
			Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec),
			pallet_tasks::Error::<Test>::RedundancyOutOfRange
		);
	});
}

/// An adaptive binary task of one item, 2 to 4 labels, whose gold answer
/// for item 0 is `answer` (index 0).
fn adaptive_gold_task(answer: u16) -> u32 {
	let mut spec = adaptive_spec(1, 2, 4, Perbill::from_percent(60));
	spec.gold_commitments = frame_support::BoundedVec::truncate_from(vec![gold_commitment(0, answer)]);
	create_adaptive(spec)
}

#[test]
fn gold_settles_an_item_asking_for_more_labels_and_frees_the_next_claim() {
	test_with_invariants(|| {
		let task = adaptive_gold_task(1);
		round(task, 0, 0, &[1, 0]);
		assert!(more_wanted(task, 0, 3));
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(2)), task, 0));
		assert_eq!(OpenClaims::<Test>::get(annotator(2)), 1);
		// The requester knows the answer: the item need not pay for more.
		assert_ok!(reveal_gold(task, 0, 1));
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 1, .. }));
		assert_eq!(OpenClaims::<Test>::get(annotator(2)), 0, "the claimed place is freed");
		assert!(System::events().iter().any(|record| record.event ==
			RuntimeEvent::LabelVoting(Event::ClaimReleased { task, item: 0, annotator: annotator(2) })));
		// Nobody labels it any more.
		assert_noop!(
			LabelVoting::commit(RuntimeOrigin::signed(annotator(2)), task, 0, sealed(task, 0, 1, annotator(2))),
			Error::<Test>::NotLabeling
		);
		assert_noop!(
			LabelVoting::commit(RuntimeOrigin::signed(annotator(3)), task, 0, sealed(task, 0, 1, annotator(3))),
			Error::<Test>::NotLabeling
		);
		settle_after_appeal_window(task, 0);
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by, settled.labels_used), (1, Decision::Gold, 2));
		let record = pallet_tasks::Tasks::<Test>::get(task).expect("kept");
		assert_eq!(record.escrow.labels_paid, 1, "only the right answer is paid");
	});
}

#[test]
fn gold_waits_while_a_later_rounds_label_is_sealed() {
	test_with_invariants(|| {
		let task = adaptive_gold_task(1);
		round(task, 0, 0, &[1, 0]);
		// A third label is committed, not yet revealed: the answer would
		// come out before it, so it waits for the tally.
		commit(task, 0, annotator(2), 0);
		assert_noop!(reveal_gold(task, 0, 1), Error::<Test>::NotTallied);
		reveal(task, 0, annotator(2), 0);
		assert_ok!(reveal_gold(task, 0, 1));
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 1, .. }));
	});
}

/// What the runtime API says of `item`'s gold, checked against what
/// `reveal_gold` with its commitment (index 0, `answer`) would do, tried and
/// rolled back: `Now` exactly when the call takes it.
fn gold_state_agrees_with_the_call(task: u32, item: u32, answer: u16) -> GoldRevealState {
	let state = LabelVoting::gold_reveal_state(task, item).expect("a known item");
	let taken = frame_support::storage::with_transaction(|| {
		let result = LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, item, 0, answer, GOLD_SALT);
		frame_support::storage::TransactionOutcome::Rollback(Ok::<_, DispatchError>(result.is_ok()))
	})
	.expect("rolled back");
	assert_eq!(state == GoldRevealState::Now, taken, "the API says {state:?}");
	state
}

#[test]
fn the_gold_reveal_state_follows_an_item_from_untouched_to_settled() {
	test_with_invariants(|| {
		let task = adaptive_gold_task(1);
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Later, "untouched, taking work");
		assert_noop!(reveal_gold(task, 0, 1), Error::<Test>::UnknownItem);
		commit(task, 0, annotator(0), 1);
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Later, "a label is sealed");
		assert_noop!(reveal_gold(task, 0, 1), Error::<Test>::NotTallied);
		commit(task, 0, annotator(1), 0);
		reveal(task, 0, annotator(0), 1);
		reveal(task, 0, annotator(1), 0);
		assert!(more_wanted(task, 0, 3));
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Now, "between rounds");
		commit(task, 0, annotator(2), 0);
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Later, "the next round is sealed");
		reveal(task, 0, annotator(2), 0);
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Now, "tallied");
		assert_ok!(reveal_gold(task, 0, 1));
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Revealed);
		settle_after_appeal_window(task, 0);
		assert_eq!(gold_state_agrees_with_the_call(task, 0, 1), GoldRevealState::Settled);
		assert_noop!(reveal_gold(task, 0, 1), Error::<Test>::GoldAlreadyRevealed);

		assert_eq!(LabelVoting::gold_reveal_state(task + 1, 0), Err(LabelingApiError::UnknownTask));
		assert_eq!(LabelVoting::gold_reveal_state(task, 1), Err(LabelingApiError::ItemOutOfRange));
	});
}

#[test]
fn gold_on_an_item_nobody_labeled_before_the_deadline_is_never_revealable() {
	test_with_invariants(|| {
		let mut spec = adaptive_spec(2, 2, 4, Perbill::from_percent(60));
		spec.gold_commitments = frame_support::BoundedVec::truncate_from(vec![gold_commitment(1, 1)]);
		let task = create_adaptive(spec);
		// Item 0 keeps the task in flight past its deadline; item 1 is never
		// labeled.
		commit(task, 0, annotator(0), 1);
		assert_eq!(gold_state_agrees_with_the_call(task, 1, 1), GoldRevealState::Later);
		jump_to_block(1_001);
		assert_eq!(gold_state_agrees_with_the_call(task, 1, 1), GoldRevealState::Never);
		assert_noop!(
			LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, 1, 0, 1, GOLD_SALT),
			Error::<Test>::UnknownItem
		);
	});
}
