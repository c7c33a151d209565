//! An item's posterior over classes: the task's class prior times each
//! revealed label's likelihood under its annotator's model on the task,
//! tempered by the temperature the task's gold favours. Scores are natural
//! logarithms in fixed point (10^18).
//!
//! The cost: on a task of at most `MaxModelClasses` classes, each class's
//! likelihood under each label (K × labels logarithms, K bounded, so
//! `MaxModelClasses` × `MaxRedundancy` at worst, which the benchmarks
//! measure); on a larger task, where models are one accuracy, two
//! logarithms a label whatever K, the classes nobody gave scored together
//! as one rest-of-the-classes entry (one integer scan of the task's class
//! counts for its prior mass).

use alloc::vec::Vec;
use frame_support::pallet_prelude::Get;
use sp_runtime::Perbill;

use labelchain_primitives::fixed_math;

use crate::{
	models::{AnnotatorModel, TaskEvidence, TEMPERATURES},
	Config, Label,
};

/// Nano-nats: the unit of the calibration's log losses.
const NANO: u128 = 1_000_000_000;

/// One entry of the posterior: a class, or every class nobody gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
	One(Label),
	Rest,
}

/// An item's posterior.
#[derive(Clone, Debug)]
pub struct Posterior {
	/// Each entry's log score (prior times likelihoods, untempered).
	scores: Vec<(Class, i128)>,
	/// The temperature applied to the scores.
	temperature: Perbill,
	/// The highest score, and Σ e^(−τ·(best − score)) × 10^18 at the
	/// temperature: what each probability is over.
	best: i128,
	normalizer: u128,
	/// For tasks scored with a rest entry: the revealed labels' likelihood of
	/// a class none of them gave, to score one such class (a gold answer)
	/// by itself.
	rest_likelihood: Option<i128>,
	/// For tasks scored with a rest entry: the score of its likeliest class,
	/// which a winner must beat.
	rest_best: Option<i128>,
}

impl Posterior {
	/// The posterior of an item whose revealed labels are `labels`, each with
	/// its annotator's model on the task.
	pub fn of<T: Config>(
		labels: &[(AnnotatorModel<T>, Label)],
		evidence: &TaskEvidence,
		class_count: u16,
		strength: u32,
	) -> Self {
		let every_class = u32::from(class_count) <= T::MaxModelClasses::get();
		let mut classes: Vec<Label> = if every_class {
			(0..class_count).collect()
		} else {
			let mut given: Vec<Label> = labels.iter().map(|(_, label)| *label).collect();
			given.sort_unstable();
			given.dedup();
			given
		};
		classes.retain(|class| *class < class_count);
		let prior_total = evidence.prior_total(class_count);
		let mut rest_likelihood = None;
		let mut rest_best = None;
		let scores: Vec<(Class, i128)> = if every_class {
			classes
				.iter()
				.map(|class| {
					let likelihood = labels
						.iter()
						.map(|(model, given)| model.log_likelihood(*class, *given, class_count, strength))
						.fold(0i128, i128::saturating_add);
					(Class::One(*class), evidence.log_prior(*class, prior_total).saturating_add(likelihood))
				})
				.collect()
		} else {
			// One-accuracy models: a label has one likelihood for the class
			// it names and another for every other class, so each label's
			// pair is taken once, and a class scores the sum of the misses
			// with its own labels' matches swapped in. Linear in the labels.
			let pairs: Vec<(Label, i128, i128)> = labels
				.iter()
				.map(|(model, given)| {
					let other = if *given == 0 { 1 } else { 0 };
					let matched = model.log_likelihood(*given, *given, class_count, strength);
					let missed = model.log_likelihood(other, *given, class_count, strength);
					(*given, matched, missed)
				})
				.collect();
			let misses = pairs.iter().map(|(_, _, missed)| *missed).fold(0i128, i128::saturating_add);
			let mut scores: Vec<(Class, i128)> = classes
				.iter()
				.map(|class| {
					let likelihood = pairs
						.iter()
						.filter(|(given, _, _)| given == class)
						.map(|(_, matched, missed)| matched.saturating_sub(*missed))
						.fold(misses, i128::saturating_add);
					(Class::One(*class), evidence.log_prior(*class, prior_total).saturating_add(likelihood))
				})
				.collect();
			if classes.len() < usize::from(class_count) {
				// The classes nobody gave: no label matches any of them. Their
				// prior mass, and their likeliest one's, in one scan of the
				// task's class counts, already read.
				let (mut mass, mut likeliest) = (0u128, 1u128);
				for class in (0..class_count).filter(|class| classes.binary_search(class).is_err()) {
					let weight = evidence.prior_weight(class);
					mass = mass.saturating_add(weight);
					likeliest = likeliest.max(weight);
				}
				let log_mass = fixed_math::ln(mass.max(1), prior_total).unwrap_or(0);
				scores.push((Class::Rest, log_mass.saturating_add(misses)));
				rest_likelihood = Some(misses);
				rest_best = Some(fixed_math::ln(likeliest, prior_total).unwrap_or(0).saturating_add(misses));
			}
			scores
		};
		let temperature = evidence.temperature();
		let best = scores.iter().map(|(_, score)| *score).max().unwrap_or(0);
		let normalizer = weights_of(&scores, best, temperature);
		Self { scores, temperature, best, normalizer, rest_likelihood, rest_best }
	}

	/// The class with the highest posterior, if strictly above every other
	/// class (a tie, or a class nobody gave scoring as high, has none), with
	/// its posterior probability.
	pub fn winner(&self) -> Option<(Label, Perbill)> {
		let given = || {
			self.scores.iter().filter_map(|(class, score)| match class {
				Class::One(label) => Some((*label, *score)),
				Class::Rest => None,
			})
		};
		let best = given().map(|(_, score)| score).max()?;
		let mut leaders = given().filter(|(_, score)| *score == best);
		let (label, _) = leaders.next()?;
		if leaders.next().is_some() || self.rest_best.is_some_and(|rest| rest >= best) {
			return None;
		}
		Some((label, self.probability(label)))
	}

	/// The class given by the labels with the highest posterior, ties to the
	/// lower class, whatever the rest scores: what an expert is shown first.
	pub fn top_given(&self) -> Option<Label> {
		self.scores
			.iter()
			.filter_map(|(class, score)| match class {
				Class::One(label) => Some((*label, *score)),
				Class::Rest => None,
			})
			.max_by(|(label_a, score_a), (label_b, score_b)| score_a.cmp(score_b).then(label_b.cmp(label_a)))
			.map(|(label, _)| label)
	}

	/// The tempered posterior probability of `label` (0 for a class scored
	/// only within the rest).
	pub fn probability(&self, label: Label) -> Perbill {
		let Some(score) = self.score_of(label) else { return Perbill::zero() };
		let own = tempered_weight(self.best, score, self.temperature);
		Perbill::from_rational(own, self.normalizer.max(1))
	}

	/// Each class scored by itself, with its posterior probability.
	pub fn probabilities(&self) -> Vec<(Label, Perbill)> {
		self.scores
			.iter()
			.filter_map(|(class, _)| match class {
				Class::One(label) => Some((*label, self.probability(*label))),
				Class::Rest => None,
			})
			.collect()
	}

	/// The log loss (nano-nats) of each candidate temperature had the item's
	/// answer been `answer` (class `answer` of `evidence`'s task): `−ln P(answer)`.
	pub fn log_losses(&self, answer: Label, evidence: &TaskEvidence, class_count: u16) -> [u64; TEMPERATURES.len()] {
		let answer_score = match self.score_of(answer) {
			Some(score) => score,
			// A class nobody gave, scored by itself: its own prior.
			None => evidence
				.log_prior(answer, evidence.prior_total(class_count))
				.saturating_add(self.rest_likelihood.unwrap_or(0)),
		};
		let mut losses = [0u64; TEMPERATURES.len()];
		if self.scores.is_empty() {
			return losses;
		}
		let best = self.best.max(answer_score);
		for (loss, parts) in losses.iter_mut().zip(TEMPERATURES) {
			let temperature = Perbill::from_parts(parts);
			// −ln P = τ·(best − s_answer) + ln Σ e^(−τ·(best − s)), the sum in [1, entries].
			let gap = temper(best.saturating_sub(answer_score).unsigned_abs(), temperature);
			let sum = weights_of(&self.scores, best, temperature);
			let log_sum = fixed_math::ln(sum.max(fixed_math::SCALE), fixed_math::SCALE).unwrap_or(0).unsigned_abs();
			let nats = gap.saturating_add(log_sum) / (fixed_math::SCALE / NANO);
			*loss = u64::try_from(nats).unwrap_or(u64::MAX);
		}
		losses
	}

	fn score_of(&self, label: Label) -> Option<i128> {
		self.scores.iter().find(|(class, _)| *class == Class::One(label)).map(|(_, score)| *score)
	}

}

/// Σ over `scores` of e^(−τ·(best − score)) × 10^18.
fn weights_of(scores: &[(Class, i128)], best: i128, temperature: Perbill) -> u128 {
	scores
		.iter()
		.map(|(_, score)| tempered_weight(best, *score, temperature))
		.fold(0u128, u128::saturating_add)
}

/// e^(−τ·(best − score)) × 10^18, for a score at most `best`.
fn tempered_weight(best: i128, score: i128, temperature: Perbill) -> u128 {
	fixed_math::exp_neg(temper(best.saturating_sub(score).unsigned_abs(), temperature))
}

/// `gap` × τ.
fn temper(gap: u128, temperature: Perbill) -> u128 {
	gap.saturating_mul(u128::from(temperature.deconstruct())) / NANO
}
