//! Gold answers: revealing them, appealing them, scoring and slashing
//! against them, and the bonds that make a false or second answer cost the
//! requester.

use frame_support::traits::fungible::InspectHold;

use super::*;

/// A task of 3 items with these gold commitments, and item 0 accepted as
/// 1 by annotators 0 and 1 over 2's 0.
fn task_with_gold(commitments: Vec<H256>) -> u32 {
	let task = pallet_tasks::NextTaskId::<Test>::get();
	let mut spec = task_spec(3, 3, AssignmentMode::Open);
	spec.gold_commitments = frame_support::BoundedVec::truncate_from(commitments);
	assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
	two_against_one(task, 0);
	task
}

/// Gold commitments of item 0, one for each of `answers`, by index.
fn gold_task_with(answers: &[u16]) -> u32 {
	task_with_gold(answers.iter().map(|answer| gold_commitment(0, *answer)).collect())
}

/// Item 0's gold answer is 0 (index 0); index 1 is item 1's answer 1.
fn gold_task() -> u32 {
	task_with_gold(vec![gold_commitment(0, 0), gold_commitment(1, 1)])
}

/// Each commitment of a redundancy-3 task bonds 3 × `GOLD_SLASH`.
const GOLD_BOND: Balance = 3 * GOLD_SLASH;

/// What a wrong answer on the gold task's items is charged: its gold
/// weight (4) in disagreement charges of 6 (see `gold_charge`).
const GOLD_CHARGE: Balance = 24;

fn gold_bonds_held() -> Balance {
	Balances::balance_on_hold(&pallet_tasks::HoldReason::GoldBond.into(), &REQUESTER)
}

#[test]
fn the_gold_answer_stands_after_its_appeal_window_and_wrong_answers_are_slashed() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_eq!(gold_bonds_held(), 2 * GOLD_BOND);
		let requester_before = free(REQUESTER);
		let treasury_before = free(TREASURY);
		assert_ok!(reveal_gold(task, 0, 0));
		let appeal_ends_at = System::block_number() + APPEAL_WINDOW;
		System::assert_has_event(
			Event::GoldRevealed { task, item: 0, gold_index: 0, answer: 0, appeal_ends_at }.into(),
		);
		// The answer is the item's label, open to appeal: nobody is slashed
		// yet, but reputation counts it at once, for the task's next tallies.
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 0, .. }));
		assert_eq!(bonded(annotator(0)), BOND);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(0), 1).gold_wrong, 1);
		settle_after_appeal_window(task, 0);
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by), (0, Decision::Gold));
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
		// The slashes go to the treasury: the requester who chose the answer
		// gains nothing from them.
		assert_eq!(free(REQUESTER), requester_before);
		// (and the fee on the one reward paid).
		assert_eq!(free(TREASURY), treasury_before + 2 * GOLD_CHARGE + FEE);
		let wrong = pallet_reputation::Reputations::<Test>::get(annotator(0), 1);
		assert_eq!(wrong.gold_wrong, 1);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(2), 1).gold_correct, 1);
		assert_eq!(bonded(annotator(0)), BOND - GOLD_CHARGE);
		assert_eq!(Earnings::<Test>::get(annotator(0)).slashed, GOLD_CHARGE);
		let quality = TaskQualities::<Test>::get(task);
		assert_eq!((quality.settled_by_gold, quality.gold_labels, quality.gold_labels_correct), (1, 3, 1));
		assert_eq!(quality.gold_accuracy(), Some(Perbill::from_rational(1u32, 3)));
		// The bond of an answer that stood is the requester's again at close;
		// item 1's commitment, never revealed, forfeits its bond.
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
		assert_eq!(gold_bonds_held(), 0);
		System::assert_has_event(
			pallet_tasks::Event::GoldBondsSettled { task, returned: GOLD_BOND, forfeited: GOLD_BOND }.into(),
		);
		// Nothing of the task's working storage outlives it: its counters
		// went with its last item, its gold goes in the next block, and then
		// its storage deposit comes back. The settled record stays.
		assert!(!PhaseCountsOf::<Test>::contains_key(task));
		run_to_block(System::block_number() + 1);
		assert_eq!(pallet_tasks::GoldCommitments::<Test>::iter_prefix(task).count(), 0);
		System::assert_has_event(
			pallet_tasks::Event::TaskPruned { task, deposit_returned: TASK_DEPOSIT + 2 }.into(),
		);
		assert!(SettledItems::<Test>::contains_key(task, 0));
	});
}

#[test]
fn a_false_gold_answer_overturned_on_appeal_pays_its_bond_to_those_the_expert_agreed_with() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(reveal_gold(task, 0, 0));
		let requester_before = free(REQUESTER);
		let treasury_before = free(TREASURY);
		let appellant = annotator(0);
		// The requester cannot appeal its own answer; an annotator can.
		assert_noop!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 0), Error::<Test>::NotInvolved);
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(appellant), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		System::assert_has_event(Event::AppealDecided { task, item: 0, upheld: true }.into());
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by), (1, Decision::Expert));
		// No gold slash: annotators 0 and 1 share the bond and are paid; 2,
		// who gave the overturned answer, loses its label stake to the
		// appellant.
		assert_eq!(free(appellant), INITIAL_BALANCE - BOND + REWARD + GOLD_BOND / 2 + STAKE_PER_LABEL);
		assert_eq!(free(annotator(1)), INITIAL_BALANCE - BOND + REWARD + GOLD_BOND / 2);
		assert_eq!((bonded(annotator(0)), bonded(annotator(1))), (BOND, BOND));
		assert_eq!(bonded(annotator(2)), BOND - STAKE_PER_LABEL);
		assert_eq!(Earnings::<Test>::get(annotator(1)).awarded, GOLD_BOND / 2);
		// The gold outcomes counted at the reveal are taken back; the
		// expert's label is counted instead.
		let right = pallet_reputation::Reputations::<Test>::get(annotator(0), 1);
		assert_eq!((right.gold_wrong, right.agreed), (0, 1));
		let wrong = pallet_reputation::Reputations::<Test>::get(annotator(2), 1);
		assert_eq!((wrong.gold_correct, wrong.disagreed), (0, 1));
		// The requester paid two rewards, their fees, and the expert; the
		// treasury took only the fees.
		assert_eq!(gold_bonds_held(), GOLD_BOND);
		assert_eq!(free(REQUESTER), requester_before);
		assert_eq!(free(TREASURY), treasury_before + 2 * FEE);
	});
}

#[test]
fn a_true_gold_answer_upheld_on_appeal_takes_the_appellants_bond() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(reveal_gold(task, 0, 0));
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0));
		System::assert_has_event(Event::AppealDecided { task, item: 0, upheld: false }.into());
		let settled = SettledItems::<Test>::get(task, 0).expect("settled");
		assert_eq!((settled.label, settled.decided_by), (0, Decision::Gold));
		// The bond goes to annotator 2, who gave the answer; 0 and 1 are
		// slashed as gold slashes them.
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD + APPEAL_BOND);
		assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND - APPEAL_BOND);
		assert_eq!(bonded(annotator(0)), BOND - GOLD_CHARGE);
		assert_eq!(gold_bonds_held(), 2 * GOLD_BOND);
	});
}

#[test]
fn a_second_gold_answer_for_an_item_changes_nothing_and_forfeits_its_bond() {
	test_with_invariants(|| {
		// The requester committed both answers for item 0.
		let task = gold_task_with(&[0, 1]);
		assert_ok!(reveal_gold(task, 0, 0));
		assert_ok!(reveal_gold(task, 1, 1));
		System::assert_has_event(Event::SecondGoldAnswer { task, item: 0, gold_index: 1, answer: 1 }.into());
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 0, .. }), "the first answer stands");
		// The bond goes to the item's three annotators.
		for n in 0..3 {
			assert_eq!(free(annotator(n)), INITIAL_BALANCE - BOND + GOLD_BOND / 3);
		}
		assert_eq!(gold_bonds_held(), GOLD_BOND);
		assert_noop!(reveal_gold(task, 1, 1), Error::<Test>::GoldAlreadyRevealed);
	});
}

#[test]
fn gold_replaces_a_pending_appeal_of_the_crowd_label_and_returns_its_bond() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
		assert_ok!(reveal_gold(task, 0, 0));
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND);
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 0, .. }));
		settle_after_appeal_window(task, 0);
		assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
	});
}

#[test]
fn gold_comes_too_late_once_its_item_settled_and_its_bond_forfeits_at_close() {
	test_with_invariants(|| {
		let task = gold_task();
		let treasury_before = free(TREASURY);
		settle_after_appeal_window(task, 0);
		assert_noop!(reveal_gold(task, 0, 0), Error::<Test>::ItemAlreadySettled);
		assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
		assert_eq!(gold_bonds_held(), 0);
		// Both commitments unrevealed: both bonds (and the two rewards'
		// fees, and the charge on annotator 2's disagreeing label).
		let charge = LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Test>::get(task).unwrap().terms);
		assert_eq!(free(TREASURY), treasury_before + 2 * GOLD_BOND + 2 * FEE + charge);
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

/// Annotator `n`'s model counts on `task`, if it has a model.
fn model_counts(task: u32, n: u64) -> Option<crate::models::ModelCounts<Test>> {
	crate::AnnotatorModels::<Test>::get(task, annotator(n)).map(|model| model.counts)
}

/// A binary task's class-conditional counts, row by row.
fn cells(cells: [u32; 4]) -> Option<crate::models::ModelCounts<Test>> {
	Some(crate::models::ModelCounts::PerClass(cells.to_vec().try_into().expect("four cells")))
}

#[test]
fn a_revealed_answer_scores_the_calibration_and_teaches_the_models_at_once() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(reveal_gold(task, 0, 0));
		// Annotators 0 and 1 said 1 on a class-0 item, 2 said 0: each
		// counted with the reputation's gold weight, at once.
		let weight = pallet_reputation::ReputationParameters::<Test>::get().gold_weight;
		let counts = |n| model_counts(task, n);
		assert_eq!(counts(0), cells([0, weight, 0, 0]));
		assert_eq!(counts(2), cells([weight, 0, 0, 0]));
		let evidence = crate::TaskEvidences::<Test>::get(task);
		assert_eq!(evidence.class_counts.to_vec(), vec![1, 0]);
		// The calibration is scored at once too, with the posterior the item
		// had before the models learned the answer: the crowd was 2/3 sure
		// of the wrong class, so a lower temperature would have lost less,
		// and the task's next tallies are tempered.
		assert_eq!(evidence.gold_measured, 1, "scored at the reveal");
		assert!(evidence.gold_log_loss[0] > evidence.gold_log_loss[crate::models::TEMPERATURES.len() - 1]);
		assert!(evidence.temperature() < Perbill::one());
		assert!(crate::GoldScores::<Test>::contains_key(task, 0), "kept for the settlement");
		// Settling the gold item teaches the models nothing more, and
		// re-scores the answer under the models then, leaving its own lesson
		// out: they learned nothing else here, so the score is the same.
		jump_to_block(System::block_number() + APPEAL_WINDOW + 1);
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		assert_eq!(counts(0), cells([0, weight, 0, 0]));
		assert_eq!(crate::TaskEvidences::<Test>::get(task), evidence);
		assert!(!crate::GoldScores::<Test>::contains_key(task, 0));
	});
}

#[test]
fn an_overturned_answer_takes_its_calibration_score_back() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(reveal_gold(task, 0, 0));
		assert!(crate::TaskEvidences::<Test>::get(task).temperature() < Perbill::one());
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		// The loss taken back is the one the reveal added: a requester's
		// wrong gold answer leaves no trace in how the task tempers its
		// posteriors.
		assert!(!crate::GoldScores::<Test>::contains_key(task, 0));
		let evidence = crate::TaskEvidences::<Test>::get(task);
		assert_eq!(evidence.gold_measured, 0);
		assert_eq!(evidence.gold_log_loss, [0; crate::models::TEMPERATURES.len()]);
		assert_eq!(evidence.temperature(), Perbill::one());
	});
}

#[test]
fn an_overturned_answer_is_taken_back_from_the_models_and_the_experts_label_learned() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(reveal_gold(task, 0, 0));
		assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 0));
		assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
		// The gold answer's lessons are gone; the expert's label 1 is
		// learned like a crowd decision, with weight 1.
		let counts = |n| model_counts(task, n);
		assert_eq!(counts(0), cells([0, 0, 0, 1]));
		assert_eq!(counts(2), cells([0, 0, 1, 0]));
		assert_eq!(crate::TaskEvidences::<Test>::get(task).class_counts.to_vec(), vec![0, 1]);
	});
}

#[test]
fn a_gold_answer_is_rescored_at_its_settlement_under_what_the_models_learned_since() {
	test_with_invariants(|| {
		let task = gold_task();
		assert_ok!(reveal_gold(task, 0, 0));
		let at_reveal = crate::TaskEvidences::<Test>::get(task).gold_log_loss;
		// Item 2, labeled 0 by the same annotators, settles first and
		// teaches their models more.
		for n in 0..3 {
			claim_and_commit(task, 2, annotator(n), 0);
		}
		for n in 0..3 {
			reveal(task, 2, annotator(n), 0);
		}
		jump_to_block(System::block_number() + APPEAL_WINDOW + 1);
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 2));
		assert!(crate::SettledItems::<Test>::contains_key(task, 2));
		assert_eq!(crate::TaskEvidences::<Test>::get(task).gold_log_loss, at_reveal, "item 2 is not gold");
		// The gold item's settlement replaces its reveal's losses by those
		// under the models now: still one answer measured.
		assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
		let evidence = crate::TaskEvidences::<Test>::get(task);
		assert_eq!(evidence.gold_measured, 1);
		assert_ne!(evidence.gold_log_loss, at_reveal);
		assert!(!crate::GoldScores::<Test>::contains_key(task, 0));
	});
}
