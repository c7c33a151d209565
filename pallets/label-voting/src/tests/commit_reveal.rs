//! Commits and reveals: every error, weights charged for the item's
//! redundancy, commits bound to their annotator.

use super::*;

#[test]
fn rejects_bad_commits() {
	test_with_invariants(|| {
		let task = create_task(2, 2, AssignmentMode::Open);
		let commit = |who, task, item| {
			LabelVoting::commit(RuntimeOrigin::signed(who), task, item, sealed(task, item, 1, who))
		};
		assert_noop!(commit(annotator(0), 9, 0), Error::<Test>::UnknownTask);
		assert_noop!(commit(annotator(0), task, 2), Error::<Test>::ItemOutOfRange);
		assert_noop!(commit(UNBONDED, task, 0), Error::<Test>::InsufficientStake);
		// Both places of item 0 are claimed by others.
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), task, 0));
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(2)), task, 0));
		assert_noop!(commit(annotator(0), task, 0), Error::<Test>::ItemFull);
		assert_ok!(commit(annotator(0), task, 1));
		assert_noop!(commit(annotator(0), task, 1), Error::<Test>::AlreadyLabeled);
		assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(annotator(1)), task, 1, sealed(task, 1, 1, annotator(1))));
		// Item 1 is revealing now.
		assert_noop!(commit(annotator(2), task, 1), Error::<Test>::NotLabeling);

		// An assigned task's items are committed only with a claim.
		let assigned = create_task(2, 2, AssignmentMode::Assigned);
		assert_noop!(commit(annotator(0), assigned, 0), Error::<Test>::NoClaim);
	});
}

#[test]
fn rejects_bad_reveals() {
	test_with_invariants(|| {
		let task = create_task(2, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)),
			Error::<Test>::UnknownItem
		);
		claim_and_commit(task, 0, a, 1);
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)),
			Error::<Test>::NotRevealing
		);
		claim_and_commit(task, 0, b, 1);
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(annotator(2)), task, 0, 1, salt(a)),
			Error::<Test>::NoCommit
		);
		// Another label, another salt, or another's commit: none matches.
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 0, salt(a)),
			Error::<Test>::CommitMismatch
		);
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(b)),
			Error::<Test>::CommitMismatch
		);
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 2, salt(a)),
			Error::<Test>::LabelOutOfRange
		);
		reveal(task, 0, a, 1);
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)),
			Error::<Test>::AlreadyRevealed
		);
		jump_to_block(2 + REVEAL_WINDOW);
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(b), task, 0, 1, salt(b)),
			Error::<Test>::RevealWindowClosed
		);
	});
}

#[test]
fn reveals_and_settlement_are_charged_for_the_items_redundancy() {
	use crate::weights::WeightInfo;
	use frame_support::traits::Get;
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		claim_and_commit(task, 0, a, 1);
		claim_and_commit(task, 0, b, 1);
		let most: u32 = <Test as crate::Config>::MaxRedundancy::get();
		let charged = |result: frame_support::dispatch::DispatchResultWithPostInfo| {
			result.expect("the call succeeds").actual_weight.expect("the call refunds")
		};
		// Declared at the largest redundancy, charged at the item's two; only
		// the last reveal is charged for the tally.
		let first = charged(LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)));
		let last = charged(LabelVoting::reveal(RuntimeOrigin::signed(b), task, 0, 1, salt(b)));
		assert_eq!(first, <() as WeightInfo>::reveal_untallied(2));
		// The mock's tasks have two classes: the tally is charged as such.
		assert_eq!(last, LabelVoting::tally_reveal_weight(2, 2));
		assert!(last.all_lt(LabelVoting::reveal_worst(most)));
		let ItemPhase::Accepted { appeal_ends_at, .. } = phase(task, 0) else { panic!("accepted") };
		jump_to_block(appeal_ends_at + 1);
		let settled = charged(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		assert_eq!(settled, <() as WeightInfo>::finalize_item(2));
	});
}

#[test]
fn a_commit_cannot_be_replayed_by_another_annotator() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		claim_and_commit(task, 0, a, 1);
		// b copies a's hash; a's salt and label do not open it for b.
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(b), task, 0));
		assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(b), task, 0, sealed(task, 0, 1, a)));
		assert_noop!(
			LabelVoting::reveal(RuntimeOrigin::signed(b), task, 0, 1, salt(a)),
			Error::<Test>::CommitMismatch
		);
	});
}

#[test]
fn a_commit_cannot_be_replayed_on_another_item_or_task() {
	test_with_invariants(|| {
		let task = create_task(2, 1, AssignmentMode::Open);
		let other_task = create_task(1, 1, AssignmentMode::Open);
		let a = annotator(0);
		// a seals label 1 for item 0 and sends the same hash on item 1 and on
		// the other task, hoping one opening serves all three.
		let hash = sealed(task, 0, 1, a);
		for (task, item) in [(task, 0), (task, 1), (other_task, 0)] {
			assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(a), task, item, hash));
		}
		reveal(task, 0, a, 1);
		for (task, item) in [(task, 1), (other_task, 0)] {
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, item, 1, salt(a)),
				Error::<Test>::CommitMismatch
			);
		}
	});
}
