//! Tallies and settlement: agreeing annotators paid, weights deciding a
//! split vote, ties and lone labels disputed, unrevealed commits slashed.

use super::*;

#[test]
fn agreeing_annotators_are_paid_and_the_task_closes() {
	test_with_invariants(|| {
		let task = create_task(1, 3, AssignmentMode::Open);
		let [a, b, c] = [annotator(0), annotator(1), annotator(2)];
		claim_and_commit(task, 0, a, 1);
		claim_and_commit(task, 0, b, 1);
		assert_eq!(phase(task, 0), ItemPhase::Labeling);
		claim_and_commit(task, 0, c, 0);
		System::assert_has_event(Event::RevealOpened { task, item: 0, ends_at: 1 + REVEAL_WINDOW }.into());
		assert_eq!(locked_stake(a), STAKE_PER_LABEL);

		let requester_before = free(REQUESTER);
		reveal(task, 0, a, 1);
		reveal(task, 0, b, 1);
		reveal(task, 0, c, 0);

		// Three newcomers, each label twice as likely under its own class:
		// label 1's posterior is two thirds (to the last part per billion
		// of the fixed-point logarithms).
		let ItemPhase::Accepted { confidence, .. } = phase(task, 0) else { panic!("accepted") };
		assert!(confidence.deconstruct().abs_diff(Perbill::from_rational(2u32, 3).deconstruct()) <= 2, "{confidence:?}");
		let appeal_ends_at = 1 + APPEAL_WINDOW;
		System::assert_last_event(
			Event::ItemAccepted { task, item: 0, label: 1, confidence, appeal_ends_at }.into(),
		);
		assert_eq!(free(a), INITIAL_BALANCE - BOND, "nobody is paid before the appeal window ends");
		settle_after_appeal_window(task, 0);
		let settled_at = System::block_number();
		System::assert_has_event(
			Event::ItemSettled {
				task,
				item: 0,
				label: 1,
				decided_by: Decision::Crowd,
				confidence,
				votes: votes(&[(a, Some(1)), (b, Some(1)), (c, Some(0))]),
			}
			.into(),
		);
		assert_eq!(
			SettledItems::<Test>::get(task, 0),
			Some(SettledItem { label: 1, decided_by: Decision::Crowd, confidence, settled_at, labels_used: 3 })
		);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!(
			(quality.items_tallied, quality.disputes, quality.settled_by_crowd),
			(1, 0, 1)
		);
		assert_eq!((quality.labels_revealed, quality.labels_agreeing), (3, 2));
		assert_eq!(quality.agreement_rate(), Some(Perbill::from_rational(2u32, 3)));
		assert_eq!(quality.gold_accuracy(), None);
		assert_eq!(Earnings::<Test>::get(a).label_rewards, REWARD);
		assert_eq!(Earnings::<Test>::get(a).labels_paid, 1);
		// c's label lost: charged (see the charge's own test), not paid.
		let charge = LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Test>::get(task).unwrap().terms);
		assert_eq!(Earnings::<Test>::get(c), labelchain_primitives::totals::Earnings { slashed: charge, ..Default::default() });
		assert!(Items::<Test>::get(task, 0).is_none(), "per-label storage is pruned");
		assert_eq!(free(a), INITIAL_BALANCE - BOND + REWARD);
		assert_eq!(free(b), INITIAL_BALANCE - BOND + REWARD);
		assert_eq!(free(c), INITIAL_BALANCE - BOND);
		assert_eq!([locked_stake(a), locked_stake(b), locked_stake(c)], [0, 0, 0]);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(a, 1).agreed, 1);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(c, 1).disagreed, 1);
		// The only item settled, so the task closed and refunded the rest:
		// 1 × 3 × (5 + 1) + 100 held, 10 paid and their fees of 2. Its
		// annotators' models go in the next block, and with them back comes
		// the storage deposit.
		let record = pallet_tasks::Tasks::<Test>::get(task).unwrap();
		assert_eq!(record.terms.status, TaskStatus::Closed);
		assert_eq!(free(REQUESTER), requester_before + 106);
		assert!(crate::AnnotatorModels::<Test>::iter_prefix(task).next().is_some());
		run_to_block(System::block_number() + 1);
		assert!(crate::AnnotatorModels::<Test>::iter_prefix(task).next().is_none(), "models pruned");
		assert!(!crate::TaskEvidences::<Test>::contains_key(task));
		assert_eq!(free(REQUESTER), requester_before + 106 + TASK_DEPOSIT);
	});
}

#[test]
fn reputation_weights_decide_a_split_vote() {
	test_with_invariants(|| {
		let task = create_task(1, 4, AssignmentMode::Open);
		// Two careful annotators against two who are barely better than chance.
		give_record(annotator(0), 200, 10);
		give_record(annotator(1), 200, 10);
		give_record(annotator(2), 100, 95);
		give_record(annotator(3), 100, 95);
		for (n, label) in [(0, 0), (1, 0), (2, 1), (3, 1)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 0), (1, 0), (2, 1), (3, 1)] {
			reveal(task, 0, annotator(n), label);
		}
		settle_after_appeal_window(task, 0);
		// A plain majority would tie 2–2; the weights accept label 0.
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!(settled.label, 0);
		assert_eq!(settled.decided_by, Decision::Crowd);
		assert!(settled.confidence > Perbill::from_percent(90));
		assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND + REWARD);
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND);
	});
}

#[test]
fn a_crowd_of_coin_flippers_says_nothing_and_goes_to_an_expert() {
	test_with_invariants(|| {
		let task = create_task(1, 3, AssignmentMode::Open);
		for n in 0..3 {
			// (2 + 20) right, (1 + 21) wrong: exactly chance, zero weight.
			give_record(annotator(n), 20, 21);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			reveal(task, 0, annotator(n), label);
		}
		// Their models start at chance: a label is as likely under either
		// class, so two against one leaves the posterior at the prior.
		let tally = LabelVoting::item_tally(task, 0).unwrap();
		let shares: Vec<_> = tally.iter().map(|entry| entry.share).collect();
		assert_eq!(shares, [Perbill::from_percent(50), Perbill::from_percent(50)]);
		assert_eq!(tally.iter().map(|entry| entry.annotators).collect::<Vec<_>>(), [1, 2]);
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
	});
}

#[test]
fn an_unrevealed_commit_is_slashed_to_the_treasury() {
	test_with_invariants(|| {
		let task = create_task(2, 3, AssignmentMode::Open);
		for n in 0..3 {
			claim_and_commit(task, 0, annotator(n), 1);
		}
		reveal(task, 0, annotator(0), 1);
		reveal(task, 0, annotator(1), 1);
		assert_noop!(
			LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
			Error::<Test>::RevealWindowOpen
		);
		jump_to_block(2 + REVEAL_WINDOW);
		let (requester_before, treasury_before) = (free(REQUESTER), free(TREASURY));
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		settle_after_appeal_window(task, 0);
		assert_eq!(SettledItems::<Test>::get(task, 0).map(|s| s.label), Some(1));
		// The slash and the two rewards' fees go to the treasury, none of it
		// to the requester.
		assert_eq!(free(REQUESTER), requester_before);
		assert_eq!(free(TREASURY), treasury_before + UNREVEALED_SLASH + 2 * FEE);
		let lazy = annotator(2);
		assert_eq!(pallet_annotator_stake::Ledgers::<Test>::get(lazy).unwrap().bonded, BOND - UNREVEALED_SLASH);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(lazy, 1).unrevealed, 1);
		assert_eq!(locked_stake(lazy), 0);
		assert_eq!(Earnings::<Test>::get(lazy).slashed, UNREVEALED_SLASH);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.labels_revealed, quality.labels_unrevealed), (2, 1));
	});
}

#[test]
fn a_tie_is_disputed_and_an_expert_settles_it() {
	test_with_invariants(|| {
		let task = create_task(2, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 0);
		claim_and_commit(task, 0, annotator(1), 1);
		reveal(task, 0, annotator(0), 0);
		reveal(task, 0, annotator(1), 1);
		System::assert_last_event(
			Event::ItemDisputed { task, item: 0, times_out_at: System::block_number() + EXPERT_TIMEOUT }.into(),
		);
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
		assert_eq!(locked_stake(annotator(0)), STAKE_PER_LABEL, "stake stays locked until settled");

		assert_noop!(
			LabelVoting::resolve_dispute(RuntimeOrigin::signed(annotator(0)), task, 0, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 2),
			Error::<Test>::LabelOutOfRange
		);
		assert_noop!(
			LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 1, 1),
			Error::<Test>::UnknownItem
		);
		assert_ok!(LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		System::assert_has_event(
			Event::ItemSettled {
				task,
				item: 0,
				label: 1,
				decided_by: Decision::Expert,
				confidence: Perbill::from_percent(50),
				votes: votes(&[(annotator(0), Some(0)), (annotator(1), Some(1))]),
			}
			.into(),
		);
		assert_eq!(free(EXPERT), INITIAL_BALANCE + EXPERT_FEE);
		assert_eq!(Earnings::<Test>::get(EXPERT).expert_fees, EXPERT_FEE);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.items_tallied, quality.disputes, quality.settled_by_expert), (1, 1, 1));
		assert_eq!(quality.dispute_rate(), Some(Perbill::one()));
		assert_eq!(free(annotator(1)), INITIAL_BALANCE - BOND + REWARD);
		assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND);
		assert_noop!(
			LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 1),
			Error::<Test>::UnknownItem
		);
	});
}

#[test]
fn a_lone_label_on_a_redundant_item_is_disputed() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 1);
		claim_and_commit(task, 0, annotator(1), 1);
		reveal(task, 0, annotator(0), 1);
		jump_to_block(2 + REVEAL_WINDOW);
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		// All the revealed weight, but only one annotator behind it.
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
		assert_noop!(
			LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
			Error::<Test>::AwaitingExpert
		);
	});
}

#[test]
fn a_settled_item_keeps_a_compact_record() {
	use codec::MaxEncodedLen;
	// The value stored per settled item: label, decision, confidence, block,
	// labels used.
	assert_eq!(SettledItem::<u32>::max_encoded_len(), 12);
	assert!(SettledItem::<u64>::max_encoded_len() <= 64);
	// Its key: pallet and map prefixes, then the task id and item index as they are.
	let key = SettledItems::<Test>::hashed_key_for(7u32, 9u32);
	assert_eq!(key.len(), 16 + 16 + 4 + 4);
	assert_eq!(key.len() + SettledItem::<u32>::max_encoded_len(), 52, "at most 64 bytes per settled item");
}

#[test]
fn an_expert_who_labeled_or_requested_an_item_cannot_settle_its_dispute() {
	test_with_invariants(|| {
		let task = create_task(1, 2, AssignmentMode::Open);
		claim_and_commit(task, 0, annotator(0), 0);
		claim_and_commit(task, 0, annotator(1), 1);
		reveal(task, 0, annotator(0), 0);
		reveal(task, 0, annotator(1), 1);
		assert!(matches!(phase(task, 0), ItemPhase::Disputed { .. }));
		// The voter whose label the verdict would pay, and the requester who
		// pays for it, are in the expert set: neither may decide.
		set_experts(&[annotator(1), REQUESTER, EXPERT]);
		for conflicted in [annotator(1), REQUESTER] {
			assert_noop!(
				LabelVoting::resolve_dispute(RuntimeOrigin::signed(conflicted), task, 0, 1),
				Error::<Test>::ExpertInvolved
			);
		}
		assert_ok!(LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		assert_eq!(Earnings::<Test>::get(annotator(1)).expert_fees, 0);
	});
}

#[test]
fn a_label_the_crowd_decided_against_is_charged_so_that_guessing_loses() {
	test_with_invariants(|| {
		let task = create_task(1, 3, AssignmentMode::Open);
		two_against_one(task, 0);
		let treasury_before = free(TREASURY);
		settle_after_appeal_window(task, 0);
		// Two classes: (1 + 25 %) × 5 / 1 = 6, out of stake to the treasury.
		let charge = (REWARD + REWARD / 4) / 1;
		assert_eq!(LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Test>::get(task).unwrap().terms), charge);
		assert_eq!(bonded(annotator(2)), BOND - charge);
		assert_eq!(Earnings::<Test>::get(annotator(2)).slashed, charge);
		assert_eq!(free(TREASURY), treasury_before + charge + 2 * FEE);
		assert_eq!(bonded(annotator(0)), BOND, "agreeing labels are not charged");
	});
}

/// The terms of a new one-item `Open` task of redundancy 3.
fn new_task_terms() -> crate::TermsOf<Test> {
	let task = create_task(1, 3, AssignmentMode::Open);
	pallet_tasks::Tasks::<Test>::get(task).expect("created").terms
}

#[test]
fn the_charge_scales_with_the_classes_and_stops_at_the_stake_behind_a_label() {
	new_test_ext().execute_with(|| {
		let mut terms = new_task_terms();
		terms.reward_per_label = 40;
		for (classes, charge) in [(2u16, 30), (3, 25), (5, 12), (11, 5)] {
			terms.class_count = classes;
			// (40 + 10) / (K − 1), at most the stake per label (30).
			assert_eq!(LabelVoting::disagreement_charge(&terms), charge, "K = {classes}");
		}
	});
}

#[test]
fn a_wrong_gold_answer_costs_the_gold_weight_in_disagreements_up_to_the_gold_slash() {
	new_test_ext().execute_with(|| {
		let mut terms = new_task_terms();
		let gold_weight = Balance::from(pallet_reputation::ReputationParameters::<Test>::get().gold_weight);
		assert_eq!(gold_weight, 4);
		// Two classes, reward 5: four disagreements of 6.
		assert_eq!(LabelVoting::gold_charge(&terms), 24);
		// Five classes, reward 8: (8 + 2) / 4 = 2 a disagreement, 8 for gold.
		(terms.class_count, terms.reward_per_label) = (5, 8);
		assert_eq!(LabelVoting::gold_charge(&terms), 8);
		// A large reward stops at `GoldSlash` (30), which the gold bond covers.
		terms.reward_per_label = 40;
		assert_eq!(LabelVoting::gold_charge(&terms), GOLD_SLASH);
	});
}
