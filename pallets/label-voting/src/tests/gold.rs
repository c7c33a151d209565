//! Gold answers: revealing them, scoring and slashing against them.

use super::*;

/// A task whose item 0 is gold with answer 0 (index 0), and whose item 1's
/// commitment is at index 1 with answer 1.
fn gold_task() -> u32 {
	let task = pallet_tasks::NextTaskId::<Test>::get();
	let mut spec = task_spec(3, 3, AssignmentMode::Open);
	spec.gold_commitments =
		frame_support::BoundedVec::truncate_from(vec![gold_commitment(0, 0), gold_commitment(1, 1)]);
	assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
	for (n, label) in [(0, 1), (1, 1), (2, 0)] {
		claim_and_commit(task, 0, annotator(n), label);
	}
	for (n, label) in [(0, 1), (1, 1), (2, 0)] {
		reveal(task, 0, annotator(n), label);
	}
	task
}

#[test]
fn the_gold_answer_decides_and_wrong_answers_are_slashed() {
	test_with_invariants(|| {
		let task = gold_task();
		let requester_before = free(REQUESTER);
		let treasury_before = free(TREASURY);
		assert_ok!(LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, 0, 0, 0, GOLD_SALT));
		System::assert_has_event(Event::GoldRevealed { task, item: 0, gold_index: 0, answer: 0 }.into());
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by), (0, Decision::Gold));
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
		// The slashes go to the treasury: the requester who chose the answer
		// gains nothing from them.
		assert_eq!(free(REQUESTER), requester_before);
		// (and the fee on the one reward paid).
		assert_eq!(free(TREASURY), treasury_before + 2 * GOLD_SLASH + FEE);
		let wrong = pallet_reputation::Reputations::<Test>::get(annotator(0), 1);
		assert_eq!(wrong.gold_wrong, 1);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(2), 1).gold_correct, 1);
		assert_eq!(
			pallet_annotator_stake::Ledgers::<Test>::get(annotator(0)).unwrap().bonded,
			BOND - GOLD_SLASH
		);
		assert_eq!(Earnings::<Test>::get(annotator(0)).slashed, GOLD_SLASH);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.settled_by_gold, quality.gold_labels, quality.gold_labels_correct), (1, 3, 1));
		assert_eq!(quality.gold_accuracy(), Some(Perbill::from_rational(1u32, 3)));
	});
}

#[test]
fn gold_settles_an_appealed_item_and_returns_the_bond() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
		assert_ok!(LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, 0, 0, 0, GOLD_SALT));
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
	});
}

#[test]
fn rejects_bad_gold_reveals() {
	test_with_invariants(|| {
		let task = gold_task();
		let requester = RuntimeOrigin::signed(REQUESTER);
		assert_noop!(
			LabelVoting::reveal_gold(RuntimeOrigin::signed(annotator(0)), task, 0, 0, 0, GOLD_SALT),
			Error::<Test>::NotRequester
		);
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), 9, 0, 0, 0, GOLD_SALT),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), task, 0, 5, 0, GOLD_SALT),
			Error::<Test>::UnknownGold
		);
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 1, GOLD_SALT),
			Error::<Test>::GoldMismatch
		);
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 0, [0; 32]),
			Error::<Test>::GoldMismatch
		);
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 2, GOLD_SALT),
			Error::<Test>::LabelOutOfRange
		);
		// Item 1 has not been labeled at all.
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), task, 1, 1, 1, GOLD_SALT),
			Error::<Test>::UnknownItem
		);
		claim_and_commit(task, 1, annotator(0), 1);
		assert_noop!(
			LabelVoting::reveal_gold(requester.clone(), task, 1, 1, 1, GOLD_SALT),
			Error::<Test>::NotTallied
		);
		assert_ok!(LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 0, GOLD_SALT));
		assert_noop!(
			LabelVoting::reveal_gold(requester, task, 0, 0, 0, GOLD_SALT),
			Error::<Test>::GoldAlreadyRevealed
		);
	});
}
