//! Claims: assigned and named, caps, tiers, expiry.

use super::*;

#[test]
fn assigned_claims_pick_distinct_items_up_to_the_cap() {
	test_with_invariants(|| {
		let task = create_task(5, 2, AssignmentMode::Assigned);
		let who = annotator(0);
		for _ in 0..MAX_OPEN_CLAIMS {
			assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(who), task));
		}
		let claimed: Vec<u32> = Items::<Test>::iter_prefix(task)
			.filter(|(_, state)| state.involves(&who))
			.map(|(item, _)| item)
			.collect();
		assert_eq!(claimed.len() as u32, MAX_OPEN_CLAIMS, "each claim is a different item");
		assert_eq!(OpenClaims::<Test>::get(who), MAX_OPEN_CLAIMS);
		assert_eq!(locked_stake(who), STAKE_PER_LABEL * MAX_OPEN_CLAIMS as u64);
		assert_noop!(
			LabelVoting::claim(RuntimeOrigin::signed(who), task),
			Error::<Test>::TooManyOpenClaims
		);
	});
}

#[test]
fn an_assigned_task_runs_out_of_items() {
	test_with_invariants(|| {
		let task = create_task(1, 1, AssignmentMode::Assigned);
		assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(annotator(0)), task));
		System::assert_last_event(
			Event::ItemClaimed { task, item: 0, annotator: annotator(0), expires_at: 1 + CLAIM_TTL }.into(),
		);
		assert_noop!(
			LabelVoting::claim(RuntimeOrigin::signed(annotator(1)), task),
			Error::<Test>::NoItemAvailable
		);
	});
}

#[test]
fn rejects_bad_claims() {
	test_with_invariants(|| {
		let assigned = create_task(2, 1, AssignmentMode::Assigned);
		let open = create_task(2, 1, AssignmentMode::Open);
		let who = RuntimeOrigin::signed(annotator(0));
		assert_noop!(LabelVoting::claim(who.clone(), 9), Error::<Test>::UnknownTask);
		assert_noop!(LabelVoting::claim_item(who.clone(), 9, 0), Error::<Test>::UnknownTask);
		assert_noop!(LabelVoting::claim(who.clone(), open), Error::<Test>::WrongAssignmentMode);
		assert_noop!(
			LabelVoting::claim_item(who.clone(), assigned, 0),
			Error::<Test>::WrongAssignmentMode
		);
		assert_noop!(LabelVoting::claim_item(who.clone(), open, 2), Error::<Test>::ItemOutOfRange);
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(UNBONDED), open, 0),
			Error::<Test>::InsufficientStake
		);
		assert_ok!(LabelVoting::claim_item(who.clone(), open, 0));
		assert_noop!(LabelVoting::claim_item(who.clone(), open, 0), Error::<Test>::AlreadyLabeled);
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), open, 0),
			Error::<Test>::ItemFull
		);
		assert_noop!(LabelVoting::claim(RuntimeOrigin::none(), assigned), DispatchError::BadOrigin);
	});
}

#[test]
fn tasks_gate_on_tier() {
	test_with_invariants(|| {
		let mut spec = task_spec(1, 1, AssignmentMode::Open);
		spec.min_tier = Tier::Qualified;
		assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), 0, 0),
			Error::<Test>::TierTooLow
		);
		give_record(annotator(0), 30, 0);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), 0, 0));
	});
}

#[test]
fn a_cancelled_or_late_task_takes_no_claims() {
	test_with_invariants(|| {
		let task = create_task(2, 1, AssignmentMode::Open);
		let late = create_task(2, 1, AssignmentMode::Open);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, 0),
			Error::<Test>::TaskNotAcceptingWork
		);
		jump_to_block(1_001);
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), late, 0),
			Error::<Test>::TaskNotAcceptingWork
		);
	});
}

#[test]
fn a_settled_item_takes_no_claims() {
	test_with_invariants(|| {
		let task = create_task(2, 1, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 1);
		reveal(task, 0, annotator(0), 1);
		settle_after_appeal_window(task, 0);
		assert!(SettledItems::<Test>::contains_key(task, 0));
		assert_noop!(
			LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), task, 0),
			Error::<Test>::ItemAlreadySettled
		);
	});
}

#[test]
fn expired_claims_count_against_reputation_and_free_the_item() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 1);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), task, 0));
		assert_noop!(
			LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
			Error::<Test>::NothingToFinalize
		);
		jump_to_block(2 + CLAIM_TTL);
		assert_noop!(
			LabelVoting::commit(RuntimeOrigin::signed(annotator(1)), task, 0, sealed(task, 0, 1, annotator(1))),
			Error::<Test>::ClaimExpired
		);
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		System::assert_has_event(Event::ClaimExpired { task, item: 0, annotator: annotator(1) }.into());
		assert_eq!(OpenClaims::<Test>::get(annotator(1)), 0);
		assert_eq!(locked_stake(annotator(1)), 0);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(1), 1).expired_claims, 1);
		// With no live claim left, the reveal window opens for the one commit.
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
	});
}

#[test]
fn an_item_whose_only_claim_expired_is_released() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, 0));
		jump_to_block(2 + CLAIM_TTL);
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		assert!(Items::<Test>::get(task, 0).is_none());
		assert_noop!(
			LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
			Error::<Test>::UnknownItem
		);
	});
}
