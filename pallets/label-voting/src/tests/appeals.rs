//! Appeals of accepted labels, and the expert's decision on them.

use super::*;

/// Item 0 of a fresh task accepted as 1 by annotators 0 and 1 over 2's 0.
fn accepted_item() -> u32 {
	let task = create_task(2, 3, AssignmentMode::Open);
	two_against_one(task, 0);
	task
}

fn bonded_for_appeal(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::AppealBond.into(), &who)
}

#[test]
fn an_upheld_appeal_changes_the_label_and_returns_the_bond() {
	test_with_invariants(|| {
		let task = accepted_item();
		let dissenter = annotator(2);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(dissenter), task, 0));
		System::assert_last_event(
			Event::AppealLodged { task, item: 0, appellant: dissenter, bond: APPEAL_BOND }.into(),
		);
		assert_eq!(bonded_for_appeal(dissenter), APPEAL_BOND);
		// An appealed item waits for the expert until the expert timeout.
		jump_to_block(System::block_number() + EXPERT_TIMEOUT);
		assert_noop!(
			LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
			Error::<Test>::AwaitingExpert
		);
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0));
		System::assert_has_event(Event::AppealDecided { task, item: 0, upheld: true }.into());
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by), (0, Decision::Expert));
		assert_eq!(bonded_for_appeal(dissenter), 0);
		// The two who gave the overturned label lose their label stake to
		// the appellant, the only one who gave the expert's.
		assert_eq!(free(dissenter), INITIAL_BALANCE - BOND + REWARD + 2 * STAKE_PER_LABEL);
		assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND);
		assert_eq!(bonded(annotator(0)), BOND - STAKE_PER_LABEL);
		assert_eq!(Earnings::<Test>::get(annotator(0)).slashed, STAKE_PER_LABEL);
		assert_eq!(Earnings::<Test>::get(dissenter).awarded, 2 * STAKE_PER_LABEL);
		assert_eq!(free(EXPERT), INITIAL_BALANCE + EXPERT_FEE);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.appeals, quality.appeals_upheld, quality.settled_by_expert), (1, 1, 1));
		assert_eq!(Earnings::<Test>::get(dissenter).slashed, 0);
	});
}

#[test]
fn a_rejected_appeal_pays_the_bond_to_the_annotators_whose_label_stood() {
	test_with_invariants(|| {
		let task = accepted_item();
		let dissenter = annotator(2);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(dissenter), task, 0));
		let requester_before = free(REQUESTER);
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		System::assert_has_event(Event::AppealDecided { task, item: 0, upheld: false }.into());
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by), (1, Decision::Crowd));
		assert_eq!(free(dissenter), INITIAL_BALANCE - BOND - APPEAL_BOND);
		// Annotators 0 and 1 gave the label that stood: half the bond each.
		for n in [0, 1] {
			assert_eq!(free(annotator(n)), INITIAL_BALANCE - BOND + REWARD + APPEAL_BOND / 2);
			assert_eq!(Earnings::<Test>::get(annotator(n)).awarded, APPEAL_BOND / 2);
		}
		assert_eq!(free(REQUESTER), requester_before, "the requester gains nothing from it");
		// The bond, and the charge on a label the crowd decided against.
		let charge = LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Test>::get(task).unwrap().terms);
		assert_eq!(Earnings::<Test>::get(dissenter).slashed, APPEAL_BOND + charge);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.appeals, quality.appeals_upheld, quality.settled_by_crowd), (1, 0, 1));
	});
}

#[test]
fn a_requester_who_appeals_and_loses_pays_the_annotators_not_itself() {
	test_with_invariants(|| {
		let task = accepted_item();
		let requester_before = free(REQUESTER);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		assert_eq!(bonded_for_appeal(REQUESTER), 0);
		assert_eq!(free(REQUESTER), requester_before - APPEAL_BOND);
		for n in [0, 1] {
			assert_eq!(Earnings::<Test>::get(annotator(n)).awarded, APPEAL_BOND / 2);
		}
		assert_eq!(Earnings::<Test>::get(annotator(2)).awarded, 0);
	});
}

#[test]
fn an_odd_bond_is_shared_with_nothing_lost() {
	test_with_invariants(|| {
		// Three annotators give the label that stands; a fourth appeals.
		let task = create_task(1, 4, AssignmentMode::Open);
		for (n, label) in [(0, 1), (1, 1), (2, 1), (3, 0)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 1), (3, 0)] {
			reveal(task, 0, annotator(n), label);
		}
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(3)), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		let awarded: Vec<Balance> = (0..3).map(|n| Earnings::<Test>::get(annotator(n)).awarded).collect();
		assert_eq!(awarded.iter().sum::<Balance>(), APPEAL_BOND);
		assert_eq!(awarded, [APPEAL_BOND / 3 + APPEAL_BOND % 3, APPEAL_BOND / 3, APPEAL_BOND / 3]);
	});
}

#[test]
fn a_requester_who_appeals_and_wins_takes_no_stake_of_the_overturned_annotators() {
	test_with_invariants(|| {
		let task = accepted_item();
		let requester_before = free(REQUESTER);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0));
		// Annotator 2 gave the expert's label: both overturned stakes are its.
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD + 2 * STAKE_PER_LABEL);
		// The requester paid the expert and one reward with its fee.
		assert_eq!(free(REQUESTER), requester_before);
		assert_eq!(Earnings::<Test>::get(REQUESTER).awarded, 0);
	});
}

#[test]
fn an_overturned_label_with_nobody_right_to_take_its_stake_pays_the_treasury() {
	test_with_invariants(|| {
		let task = create_task(2, 3, AssignmentMode::Open);
		for n in 0..3 {
			claim_and_commit(task, 0, annotator(n), 1);
		}
		for n in 0..3 {
			reveal(task, 0, annotator(n), 1);
		}
		let treasury_before = free(TREASURY);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 0));
		// The expert gives the label nobody gave; the requester takes nothing.
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0));
		assert_eq!(free(TREASURY), treasury_before + 3 * STAKE_PER_LABEL);
		for n in 0..3 {
			assert_eq!(bonded(annotator(n)), BOND - STAKE_PER_LABEL);
		}
	});
}

#[test]
fn an_expert_who_labeled_or_appealed_an_item_cannot_decide_its_appeal() {
	test_with_invariants(|| {
		let task = accepted_item();
		// The dissenting annotator 2 is also in the expert set; so is the
		// requester. Neither may judge the appeal that 2 lodges.
		set_experts(&[annotator(2), REQUESTER, EXPERT]);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
		for conflicted in [annotator(2), REQUESTER] {
			assert_noop!(
				LabelVoting::decide_appeal(RuntimeOrigin::signed(conflicted), task, 0, 0),
				Error::<Test>::ExpertInvolved
			);
		}
		// An expert with no part in it may.
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0));
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD + 2 * STAKE_PER_LABEL);
	});
}

#[test]
fn rejects_bad_appeals() {
	test_with_invariants(|| {
		let task = accepted_item();
		assert_noop!(
			LabelVoting::appeal(RuntimeOrigin::signed(annotator(5)), task, 0),
			Error::<Test>::NotInvolved
		);
		assert_noop!(
			LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 1),
			Error::<Test>::UnknownItem
		);
		assert_noop!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), 9, 0), Error::<Test>::UnknownTask);
		// Annotator 1 spends almost all their free balance.
		let spendable = free(annotator(1)) - 10;
		assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(annotator(1)), UNBONDED, spendable));
		assert_noop!(
			LabelVoting::appeal(RuntimeOrigin::signed(annotator(1)), task, 0),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0),
			Error::<Test>::NotAppealed
		);
		// An accepted item is not the expert's to settle unless appealed.
		assert_noop!(
			LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 0),
			Error::<Test>::NotDisputed
		);
		jump_to_block(2 + APPEAL_WINDOW);
		assert_noop!(
			LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 0),
			Error::<Test>::NotAppealable
		);
	});
}

#[test]
fn rejects_bad_decisions() {
	test_with_invariants(|| {
		let task = accepted_item();
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
		assert_noop!(
			LabelVoting::decide_appeal(RuntimeOrigin::signed(annotator(0)), task, 0, 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 2),
			Error::<Test>::LabelOutOfRange
		);
		assert_noop!(
			LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 1, 0),
			Error::<Test>::UnknownItem
		);
		// Appeals are only for accepted items.
		claim_and_commit(task, 1, annotator(0), 1);
		assert_noop!(
			LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 1),
			Error::<Test>::NotAppealable
		);
	});
}

#[test]
fn a_rejected_bond_with_nobody_to_share_it_goes_to_the_treasury() {
	test_with_invariants(|| {
		// One label on a task of redundancy 1, appealed by its own annotator.
		let task = create_task(1, 1, AssignmentMode::Open);
		let a = annotator(0);
		claim_and_commit(task, 0, a, 1);
		reveal(task, 0, a, 1);
		let treasury_before = free(TREASURY);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(a), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		// The bond, and the fee on a's reward.
		assert_eq!(free(TREASURY), treasury_before + APPEAL_BOND + FEE);
		assert_eq!(Earnings::<Test>::get(a).awarded, 0, "nobody is paid their own bond");
	});
}
