//! The reads behind the labeling runtime API.

use super::*;
use crate::views::ItemView;
use labelchain_primitives::runtime_api::{ItemCounts, ItemPage, LabelingApiError, WorkPlace};

#[test]
fn item_counts_follow_items_through_their_phases() {
	test_with_invariants(|| {
		let task = create_task(4, 2, AssignmentMode::Open);
		let counts = |expected: [u32; 7]| {
			let [untouched, labeling, revealing, disputed, accepted, appealed, settled] = expected;
			assert_eq!(
				LabelVoting::item_counts(task, 4),
				ItemCounts { untouched, labeling, revealing, disputed, accepted, appealed, settled }
			);
		};
		counts([4, 0, 0, 0, 0, 0, 0]);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, 0));
		counts([3, 1, 0, 0, 0, 0, 0]);
		claim_and_commit(task, 1, annotator(0), 1);
		claim_and_commit(task, 1, annotator(1), 1);
		claim_and_commit(task, 2, annotator(0), 0);
		claim_and_commit(task, 2, annotator(1), 1);
		claim_and_commit(task, 3, annotator(2), 1);
		claim_and_commit(task, 3, annotator(3), 1);
		counts([0, 1, 3, 0, 0, 0, 0]);
		for (item, who, label) in [(1, 0, 1), (1, 1, 1), (2, 0, 0), (2, 1, 1), (3, 2, 1), (3, 3, 1)] {
			reveal(task, item, annotator(who), label);
		}
		counts([0, 1, 0, 1, 2, 0, 0]);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 3));
		counts([0, 1, 0, 1, 1, 1, 0]);
		settle_after_appeal_window(task, 1);
		counts([0, 1, 0, 1, 0, 1, 1]);
	});
}

#[test]
fn an_items_tally_weighs_labels_by_reputation_not_by_head_count() {
	test_with_invariants(|| {
		let task = create_task(2, 3, AssignmentMode::Open);
		// One careful annotator against two barely better than chance.
		give_record(annotator(0), 200, 10);
		give_record(annotator(1), 100, 95);
		give_record(annotator(2), 100, 95);
		assert_eq!(LabelVoting::item_tally(task, 0), Ok(vec![]));
		for (n, label) in [(0, 0), (1, 1), (2, 1)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		assert_eq!(LabelVoting::item_tally(task, 0), Ok(vec![]), "nothing revealed yet");
		for (n, label) in [(0, 0), (1, 1), (2, 1)] {
			reveal(task, 0, annotator(n), label);
		}
		let tally = LabelVoting::item_tally(task, 0).unwrap();
		assert_eq!(tally.iter().map(|entry| (entry.label, entry.annotators)).collect::<Vec<_>>(), [(0, 1), (1, 2)]);
		// The one careful label outweighs the two others, but one annotator
		// alone cannot carry an item: it waits for an expert, who sees this.
		assert!(tally[0].share > Perbill::from_percent(70), "{tally:?}");
		assert!(tally[0].share.deconstruct() + tally[1].share.deconstruct() <= Perbill::one().deconstruct());
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
		assert_eq!(LabelVoting::item_tally(task, 2), Err(LabelingApiError::ItemOutOfRange));
		assert_eq!(LabelVoting::item_tally(task + 1, 0), Err(LabelingApiError::UnknownTask));
		assert_ok!(LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 0));
		assert_eq!(LabelVoting::item_tally(task, 0), Ok(vec![]), "a settled item keeps no tally");
	});
}

#[test]
fn an_item_reads_untouched_in_progress_then_settled() {
	test_with_invariants(|| {
		let task = create_task(2, 1, AssignmentMode::Open);
		assert!(matches!(LabelVoting::item_view(task, 0), Ok(ItemView::Untouched)));
		claim_and_commit(task, 0, annotator(0), 1);
		assert!(matches!(
			LabelVoting::item_view(task, 0),
			Ok(ItemView::InProgress(state)) if state.commits.len() == 1
		));
		reveal(task, 0, annotator(0), 1);
		settle_after_appeal_window(task, 0);
		assert!(matches!(
			LabelVoting::item_view(task, 0),
			Ok(ItemView::Settled(record)) if record.label == 1
		));
		assert!(matches!(LabelVoting::item_view(task, 2), Err(LabelingApiError::ItemOutOfRange)));
		assert!(matches!(LabelVoting::item_view(task + 1, 0), Err(LabelingApiError::UnknownTask)));
	});
}

#[test]
fn an_annotator_sees_their_claims_and_commits() {
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		let who = annotator(0);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(who), task, 2));
		claim_and_commit(task, 0, who, 1);
		let (work, next) = LabelVoting::work_of(&who, task, 0, 100).expect("a known task");
		assert_eq!((work.len(), next), (2, None));
		assert_eq!((work[0].0, &work[0].1), (0, &WorkPlace::Committed { revealed: None }));
		assert_eq!((work[1].0, &work[1].1), (2, &WorkPlace::Claimed { expires_at: 1 + CLAIM_TTL }));
		assert!(LabelVoting::work_of(&annotator(1), task, 0, 100).expect("a known task").0.is_empty());
		assert_eq!(LabelVoting::work_of(&who, task + 1, 0, 100), Err(LabelingApiError::UnknownTask));
		// Paged by item index: a page of one stops after item 0 and says
		// where to go on; the next page starts there.
		let (first, next) = LabelVoting::work_of(&who, task, 0, 1).expect("a known task");
		assert_eq!((first.iter().map(|w| w.0).collect::<Vec<_>>(), next), (vec![0], Some(1)));
		let (rest, next) = LabelVoting::work_of(&who, task, 1, 100).expect("a known task");
		assert_eq!((rest.iter().map(|w| w.0).collect::<Vec<_>>(), next), (vec![2], None));
	});
}

#[test]
fn claimable_items_skip_full_and_own_items_and_page() {
	test_with_invariants(|| {
		let task = create_task(5, 1, AssignmentMode::Open);
		let [a, b] = [annotator(0), annotator(1)];
		claim_and_commit(task, 1, a, 0);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(b), task, 3));
		assert_eq!(
			LabelVoting::claimable_items(&a, task, 0, 10),
			Ok(ItemPage { items: vec![0, 2, 4], next: None })
		);
		assert_eq!(
			LabelVoting::claimable_items(&a, task, 0, 2),
			Ok(ItemPage { items: vec![0, 2], next: Some(3) })
		);
		assert_eq!(
			LabelVoting::claimable_items(&a, task, 3, 2),
			Ok(ItemPage { items: vec![4], next: None })
		);
	});
}

#[test]
fn claimable_items_say_why_an_annotator_may_not_claim() {
	test_with_invariants(|| {
		let task = create_task(5, 1, AssignmentMode::Open);
		assert_eq!(
			LabelVoting::claimable_items(&UNBONDED, task, 0, 10),
			Err(LabelingApiError::InsufficientStake)
		);
		assert_eq!(
			LabelVoting::claimable_items(&annotator(0), task + 1, 0, 10),
			Err(LabelingApiError::UnknownTask)
		);
		for item in 0..MAX_OPEN_CLAIMS {
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, item));
		}
		assert_eq!(
			LabelVoting::claim_eligibility(&annotator(0), task),
			Err(LabelingApiError::TooManyOpenClaims)
		);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
		assert_eq!(
			LabelVoting::claimable_items(&annotator(1), task, 0, 10),
			Err(LabelingApiError::TaskNotAcceptingWork)
		);
	});
}
