//! Claims: assigned and named, caps, tiers, expiry.

use super::*;

/// The start of the next block: the queued claims get their items.
fn draw() {
	run_to_block(System::block_number() + 1);
}

#[test]
fn assigned_claims_pick_distinct_items_up_to_the_cap() {
	test_with_invariants(|| {
		let task = create_task(5, 2, AssignmentMode::Assigned);
		let who = annotator(0);
		for _ in 0..MAX_OPEN_CLAIMS {
			assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(who), task));
		}
		// Queued claims hold their stake and count against the cap at once.
		assert_eq!(OpenClaims::<Test>::get(who), MAX_OPEN_CLAIMS);
		assert_eq!(locked_stake(who), STAKE_PER_LABEL * MAX_OPEN_CLAIMS as u64);
		assert_noop!(
			LabelVoting::claim(RuntimeOrigin::signed(who), task),
			Error::<Test>::TooManyOpenClaims
		);
		draw();
		let claimed: Vec<u32> = Items::<Test>::iter_prefix(task)
			.filter(|(_, state)| state.involves(&who))
			.map(|(item, _)| item)
			.collect();
		assert_eq!(claimed.len() as u32, MAX_OPEN_CLAIMS, "each claim is a different item");
		assert_eq!(OpenClaims::<Test>::get(who), MAX_OPEN_CLAIMS);
		assert_eq!(locked_stake(who), STAKE_PER_LABEL * MAX_OPEN_CLAIMS as u64);
	});
}

#[test]
fn an_assigned_claim_is_drawn_in_the_next_block_from_the_hash_of_the_one_that_took_it() {
	test_with_invariants(|| {
		let task = create_task(64, 1, AssignmentMode::Assigned);
		let who = annotator(0);
		assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(who), task));
		System::assert_last_event(Event::ClaimQueued { task, annotator: who }.into());
		assert_eq!(Items::<Test>::iter_prefix(task).count(), 0, "no item is chosen while the claim is signed");
		// The item comes from the hash of the block that took the claim (the
		// next block's parent), which the claimer could not see when signing:
		// it saw only the hash before.
		let aimed_at = LabelVoting::assignment_start(&who, 1, 64);
		System::set_block_number(System::block_number() + 1);
		System::set_parent_hash(sp_core::H256::repeat_byte(7));
		<LabelVoting as frame_support::traits::Hooks<u64>>::on_initialize(System::block_number());
		let item = Items::<Test>::iter_prefix(task).map(|(item, _)| item).next().expect("drawn");
		assert_eq!(item, LabelVoting::assignment_start(&who, 1, 64));
		assert_ne!(item, aimed_at, "the item a dry run at signing showed is not the one drawn");
		System::assert_has_event(
			Event::ItemClaimed { task, item, annotator: who, expires_at: System::block_number() + CLAIM_TTL }.into(),
		);
	});
}

#[test]
fn an_assigned_task_runs_out_of_items_and_the_unfilled_claim_costs_nothing() {
	test_with_invariants(|| {
		let task = create_task(1, 1, AssignmentMode::Assigned);
		assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(annotator(0)), task));
		assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(annotator(1)), task));
		draw();
		System::assert_has_event(
			Event::ItemClaimed { task, item: 0, annotator: annotator(0), expires_at: 2 + CLAIM_TTL }.into(),
		);
		System::assert_has_event(Event::ClaimUnfilled { task, annotator: annotator(1) }.into());
		assert_eq!(OpenClaims::<Test>::get(annotator(1)), 0);
		assert_eq!(locked_stake(annotator(1)), 0);
		assert_eq!(free(annotator(1)), INITIAL_BALANCE - BOND);
	});
}

#[test]
fn a_block_takes_at_most_its_share_of_assigned_claims() {
	test_with_invariants(|| {
		let task = create_task(8, 1, AssignmentMode::Assigned);
		for n in 0..MAX_PENDING_CLAIMS as u64 {
			assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(annotator(n)), task));
		}
		let late = annotator(MAX_PENDING_CLAIMS as u64);
		assert_noop!(LabelVoting::claim(RuntimeOrigin::signed(late), task), Error::<Test>::ClaimQueueFull);
		draw();
		assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(late), task));
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
		// The lapse costs a little stake, to the treasury.
		assert_eq!(
			pallet_annotator_stake::Ledgers::<Test>::get(annotator(1)).unwrap().bonded,
			BOND - EXPIRED_CLAIM_SLASH
		);
		assert_eq!(Earnings::<Test>::get(annotator(1)).slashed, EXPIRED_CLAIM_SLASH);
		// The place is free again: the item keeps taking labels, and another
		// annotator's commit completes it.
		assert_eq!(phase(task, 0), ItemPhase::Labeling);
		claim_and_commit(task, 0, annotator(2), 1);
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
	});
}

#[test]
fn two_sybils_cannot_settle_an_item_alone_by_letting_a_third_claim_lapse() {
	test_with_invariants(|| {
		// r = 5 on an Open task: two sybils commit, a third claims and lets it
		// lapse, hoping the item reveals with their two labels only.
		let task = create_task(1, 5, AssignmentMode::Open);
		let (sybil_a, sybil_b, lapser) = (annotator(0), annotator(1), annotator(2));
		claim_and_commit(task, 0, sybil_a, 1);
		claim_and_commit(task, 0, sybil_b, 1);
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(lapser), task, 0));
		run_to_block(3 + CLAIM_TTL);
		assert_eq!(phase(task, 0), ItemPhase::Labeling, "the item still asks for five labels");
		// Honest annotators take the places, the lapsed one included; the
		// sybils are outvoted, and the lapse cost its claimer.
		assert_eq!(Earnings::<Test>::get(lapser).slashed, EXPIRED_CLAIM_SLASH);
		for n in 3..6 {
			claim_and_commit(task, 0, annotator(n), 0);
		}
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
		for (who, label) in [(sybil_a, 1), (sybil_b, 1), (annotator(3), 0), (annotator(4), 0), (annotator(5), 0)] {
			reveal(task, 0, who, label);
		}
		let ItemPhase::Accepted { label, .. } = phase(task, 0) else { panic!("accepted") };
		assert_eq!(label, 0);
	});
}

#[test]
fn a_short_item_reveals_what_it_has_once_the_task_takes_no_more_work() {
	test_with_invariants(|| {
		let task = create_task(1, 3, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 1);
		claim_and_commit(task, 0, annotator(1), 1);
		run_to_block(1_000);
		assert_eq!(phase(task, 0), ItemPhase::Labeling, "until the deadline it waits for a third");
		run_to_block(1_001);
		assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }), "past it, two labels reveal");
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
