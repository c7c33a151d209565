//! The posterior under per-task annotator models, its calibration by gold,
//! and what settling and gold teach the task's models.

use super::*;
use crate::{
	models::{AnnotatorModel, TaskEvidence, TEMPERATURES},
	posterior::Posterior,
	AnnotatorModels, TaskEvidences,
};
use sp_arithmetic::FixedU128;

const STRENGTH: u32 = 10;

fn newcomer(class_count: u16) -> AnnotatorModel<Test> {
	// A newcomer's reputation log-odds: ln(prior_correct / prior_incorrect) = ln 2.
	let log_odds = FixedU128::from_inner(693_147_180_559_945_309);
	AnnotatorModel::new(AnnotatorModel::<Test>::prior_from_log_odds(log_odds, class_count), class_count)
}

fn posterior(labels: &[(AnnotatorModel<Test>, u16)], evidence: &TaskEvidence, class_count: u16) -> Posterior {
	Posterior::of::<Test>(labels, evidence, class_count, STRENGTH)
}

fn close_to(actual: Perbill, expected: Perbill) -> bool {
	actual.deconstruct().abs_diff(expected.deconstruct()) <= 10
}

#[test]
fn a_newcomers_prior_is_a_little_above_chance_whatever_the_classes() {
	// p = 1 / (1 + (K − 1)·e^−ln 2) = 2 / (K + 1).
	for class_count in [2u16, 5, 8, 20, 256] {
		let prior = newcomer(class_count).prior_accuracy;
		assert!(close_to(prior, Perbill::from_rational(2u32, u32::from(class_count) + 1)), "K = {class_count}: {prior:?}");
	}
	// No better than chance: 1/K.
	let chance = AnnotatorModel::<Test>::prior_from_log_odds(FixedU128::from_inner(0), 4);
	assert!(close_to(chance, Perbill::from_percent(25)));
}

#[test]
fn agreeing_newcomers_double_the_odds_each() {
	// Each newcomer's label is twice as likely under its class as under
	// another, so three agreeing labels on two equally likely classes give
	// odds of 8 to 1, and two against one give 2 to 1.
	let evidence = TaskEvidence::default();
	let agreeing: Vec<_> = (0..3).map(|_| (newcomer(2), 1u16)).collect();
	let (winner, confidence) = posterior(&agreeing, &evidence, 2).winner().expect("a clear winner");
	assert_eq!(winner, 1);
	assert!(close_to(confidence, Perbill::from_rational(8u32, 9)), "{confidence:?}");
	let split = [(newcomer(2), 0u16), (newcomer(2), 1), (newcomer(2), 1)];
	let (winner, confidence) = posterior(&split, &evidence, 2).winner().expect("a clear winner");
	assert_eq!(winner, 1);
	assert!(close_to(confidence, Perbill::from_rational(2u32, 3)), "{confidence:?}");
}

#[test]
fn a_tie_has_no_winner_and_the_probabilities_add_up() {
	let evidence = TaskEvidence::default();
	let tie = [(newcomer(3), 0u16), (newcomer(3), 2)];
	let tied = posterior(&tie, &evidence, 3);
	assert_eq!(tied.winner(), None);
	assert_eq!(tied.top_given(), Some(0), "a tie goes to the lower label");
	let total: u32 = tied.probabilities().iter().map(|(_, p)| p.deconstruct()).sum();
	assert!(total.abs_diff(1_000_000_000) <= 10, "{total}");
}

#[test]
fn a_label_given_whatever_the_class_tells_little() {
	// An annotator who answered 1 on twenty items of each class: their 1 is
	// nearly as likely under either class, so it barely moves the prior.
	let mut biased = newcomer(2);
	for _ in 0..20 {
		biased.observe(0, 1, 2, 1, true);
		biased.observe(1, 1, 2, 1, true);
	}
	let evidence = TaskEvidence::default();
	// What remains is the prior's own pull, ten pseudo-labels at 2/3 against
	// twenty labels: (20 + 10·2/3) / (20 + 10/3) = 8/7, so 8/15.
	let probability = posterior(&[(biased.clone(), 1)], &evidence, 2).probability(1);
	assert!(close_to(probability, Perbill::from_rational(8u32, 15)), "{probability:?}");
	// A newcomer's 1 moves it to 2/3.
	let probability = posterior(&[(newcomer(2), 1)], &evidence, 2).probability(1);
	assert!(close_to(probability, Perbill::from_rational(2u32, 3)), "{probability:?}");
	// Taking the observations back restores the newcomer.
	for _ in 0..20 {
		biased.observe(0, 1, 2, 1, false);
		biased.observe(1, 1, 2, 1, false);
	}
	assert_eq!(posterior(&[(biased, 1)], &evidence, 2).probability(1), posterior(&[(newcomer(2), 1)], &evidence, 2).probability(1));
}

#[test]
fn the_class_prior_follows_the_settled_items() {
	// Nine items of class 0 settled, none of class 1: the prior is 10 to 1.
	let mut evidence = TaskEvidence::default();
	for _ in 0..9 {
		evidence.observe(0, 2, true);
	}
	let probability = posterior(&[], &evidence, 2).probability(0);
	assert!(close_to(probability, Perbill::from_rational(10u32, 11)), "{probability:?}");
	// One newcomer's 1 (odds 2) does not outweigh it.
	assert_eq!(posterior(&[(newcomer(2), 1)], &evidence, 2).winner().map(|(label, _)| label), Some(0));
}

#[test]
fn on_many_classes_the_classes_nobody_gave_are_scored_together() {
	// 20 classes, one-accuracy models: labels 3, 3 and 7.
	let evidence = TaskEvidence::default();
	let labels = [(newcomer(20), 3u16), (newcomer(20), 3), (newcomer(20), 7)];
	let many = posterior(&labels, &evidence, 20);
	let probabilities = many.probabilities();
	assert_eq!(probabilities.iter().map(|(label, _)| *label).collect::<Vec<_>>(), [3, 7], "given classes only");
	let (winner, confidence) = many.winner().expect("3 leads");
	assert_eq!(winner, 3);
	// Likelihood ratios of 2 for a matching label, over 20 equally likely
	// classes: 3 scores 4, 7 scores 2 and each of the other 18 scores 1.
	assert!(close_to(confidence, Perbill::from_rational(4u32, 4 + 2 + 18)), "{confidence:?}");
	// The same item scored class by class (a task of 8 classes would be)
	// gives each class its own entry.
	let small = [(newcomer(8), 3u16), (newcomer(8), 3), (newcomer(8), 7)];
	assert_eq!(posterior(&small, &TaskEvidence::default(), 8).probabilities().len(), 8);
}

#[test]
fn gold_chooses_the_temperature_its_answers_favour() {
	let mut evidence = TaskEvidence::default();
	assert_eq!(evidence.temperature(), Perbill::one(), "the plain posterior before any gold");
	// Five agreeing newcomers are 32 to 1 sure; gold says they were wrong.
	let confident: Vec<_> = (0..5).map(|_| (newcomer(2), 1u16)).collect();
	let wrong = posterior(&confident, &evidence, 2).log_losses(0, &evidence, 2);
	let right = posterior(&confident, &evidence, 2).log_losses(1, &evidence, 2);
	// Wrong and sure costs most at full temperature; right and sure least.
	assert!(wrong[0] > wrong[TEMPERATURES.len() - 1]);
	assert!(right[0] < right[TEMPERATURES.len() - 1]);
	// ln(33) ≈ 3.497 nats at τ = 1 when wrong.
	assert!(wrong[0].abs_diff(3_496_507_561) < 1_000, "{}", wrong[0]);
	// One wrong answer when sure: the least loss is the lowest candidate,
	// but one answer is little evidence, so the temperature is a mean of
	// the candidates weighed by how likely each made the answer.
	let mut once = TaskEvidence::default();
	once.gold_log_loss = wrong;
	once.gold_measured = 1;
	let hedged = once.temperature();
	assert!(hedged < Perbill::from_percent(50), "{hedged:?}");
	assert!(hedged > Perbill::from_parts(TEMPERATURES[TEMPERATURES.len() - 1]), "{hedged:?}");
	// Mostly wrong when sure: a lower temperature wins, and tempers.
	evidence.gold_measured = 4;
	for _ in 0..3 {
		for (total, loss) in evidence.gold_log_loss.iter_mut().zip(wrong) {
			*total += loss;
		}
	}
	for (total, loss) in evidence.gold_log_loss.iter_mut().zip(right) {
		*total += loss;
	}
	let temperature = evidence.temperature();
	assert!(temperature < Perbill::one(), "{temperature:?}");
	let tempered = posterior(&confident, &evidence, 2).probability(1);
	assert!(tempered < Perbill::from_rational(32u32, 33), "{tempered:?}");
	assert!(tempered > Perbill::from_percent(50));
}

#[test]
fn a_settled_item_teaches_its_annotators_models_and_the_class_prior() {
	new_test_ext().execute_with(|| {
		let task = create_task(1, 3, AssignmentMode::Open);
		two_against_one(task, 0);
		assert!(AnnotatorModels::<Test>::iter_prefix(task).next().is_none(), "nothing learned before settling");
		settle_after_appeal_window(task, 0);
		let alice = AnnotatorModels::<Test>::get(task, annotator(0)).expect("learned");
		let charlie = AnnotatorModels::<Test>::get(task, annotator(2)).expect("learned");
		assert_eq!(alice.counts, crate::models::ModelCounts::PerClass(vec![0, 0, 0, 1].try_into().unwrap()));
		assert_eq!(charlie.counts, crate::models::ModelCounts::PerClass(vec![0, 0, 1, 0].try_into().unwrap()));
		assert_eq!(TaskEvidences::<Test>::get(task).class_counts.to_vec(), vec![0, 1]);
	});
}
