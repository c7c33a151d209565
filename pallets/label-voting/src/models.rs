//! Per-task annotator models: how often an annotator gives each label for
//! each true class on one task ("two-coin" for K = 2), or one accuracy when
//! the task has more classes than `MaxModelClasses`. A model starts from the
//! annotator's domain reputation, as `ModelPriorStrength` pseudo-labels spread
//! by that accuracy, and learns from the task's settled items and revealed
//! gold. The task's class prior and its calibration live beside the models.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

use labelchain_primitives::fixed_math;

use crate::{Config, Label};

/// The most classes a task has (the tasks pallet's `MaxClasses` is at most
/// this), so that a task's class counts are bounded.
pub const MAX_CLASSES: u32 = 256;

/// Parts per billion: a `Perbill`'s denominator.
const BILLION: u128 = 1_000_000_000;

/// The cells of a class-conditional model: `MaxModelClasses`².
pub struct ModelCells<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for ModelCells<T> {
	fn get() -> u32 {
		T::MaxModelClasses::get().saturating_mul(T::MaxModelClasses::get())
	}
}

/// What an annotator's labels on a task have shown.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub enum ModelCounts<T: Config> {
	/// For a task of at most `MaxModelClasses` classes: the weight of labels
	/// `given` on items whose class was `true`, at `true × K + given`. Empty
	/// until the first observation.
	PerClass(BoundedVec<u32, ModelCells<T>>),
	/// For a larger task: the weight of labels that matched the item's class,
	/// and of those that did not.
	OneAccuracy { right: u32, wrong: u32 },
}

/// One annotator's model on one task.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct AnnotatorModel<T: Config> {
	/// The accuracy the annotator's domain reputation gave them when the task
	/// first saw them: the model's prior.
	pub prior_accuracy: Perbill,
	pub counts: ModelCounts<T>,
}

impl<T: Config> AnnotatorModel<T> {
	/// A model with no evidence yet, on a task of `class_count` classes.
	pub fn new(prior_accuracy: Perbill, class_count: u16) -> Self {
		let counts = if u32::from(class_count) <= T::MaxModelClasses::get() {
			ModelCounts::PerClass(BoundedVec::new())
		} else {
			ModelCounts::OneAccuracy { right: 0, wrong: 0 }
		};
		Self { prior_accuracy, counts }
	}

	/// The prior accuracy of an annotator whose reputation gives `log_odds`
	/// (`ln(p·(K−1)/(1−p))`, the reputation pallet's vote weight, at least 0)
	/// on a task of `class_count` classes: `p = 1 / (1 + (K−1)·e^−log_odds)`,
	/// chance (1/K) at 0.
	pub fn prior_from_log_odds(log_odds: sp_arithmetic::FixedU128, class_count: u16) -> Perbill {
		let others = u128::from(class_count.saturating_sub(1)).max(1);
		let inverse_odds = fixed_math::exp_neg(log_odds.into_inner());
		let denominator = fixed_math::SCALE.saturating_add(others.saturating_mul(inverse_odds));
		Perbill::from_rational(fixed_math::SCALE, denominator)
	}

	/// Counts a label `given` on an item whose class turned out `true`, with
	/// `weight` (a gold answer weighs more), or takes it back (`add` false,
	/// when an expert overturns the gold answer it was counted against).
	pub fn observe(&mut self, true_class: Label, given: Label, class_count: u16, weight: u32, add: bool) {
		let change = |count: &mut u32| {
			*count = if add { count.saturating_add(weight) } else { count.saturating_sub(weight) };
		};
		match &mut self.counts {
			ModelCounts::PerClass(cells) => {
				let k = usize::from(class_count);
				if cells.is_empty() {
					// K ≤ MaxModelClasses, so K² cells fit.
					let _ = cells.try_extend(core::iter::repeat_n(0, k.saturating_mul(k)));
				}
				let at = usize::from(true_class).saturating_mul(k).saturating_add(usize::from(given));
				if let Some(count) = cells.get_mut(at) {
					change(count);
				}
			},
			ModelCounts::OneAccuracy { right, wrong } =>
				if true_class == given {
					change(right)
				} else {
					change(wrong)
				},
		}
	}

	/// `ln P(label given | true class)` × 10^18: the label's count plus its
	/// share of `strength` pseudo-labels (the prior accuracy on the
	/// diagonal, the rest spread evenly), over the true class's.
	pub fn log_likelihood(&self, true_class: Label, given: Label, class_count: u16, strength: u32) -> i128 {
		let others = u128::from(class_count.saturating_sub(1)).max(1);
		let p = u128::from(self.prior_accuracy.deconstruct());
		let strength = u128::from(strength);
		let pseudo_right = strength.saturating_mul(p).saturating_mul(others);
		let pseudo_wrong = strength.saturating_mul(BILLION.saturating_sub(p));
		let matches = true_class == given;
		let (numerator, denominator) = match &self.counts {
			ModelCounts::PerClass(cells) => {
				let k = usize::from(class_count);
				let row_start = usize::from(true_class).saturating_mul(k);
				let row = cells.get(row_start..row_start.saturating_add(k)).unwrap_or(&[]);
				let cell = row.get(usize::from(given)).copied().unwrap_or(0);
				let row_total: u128 = row.iter().map(|count| u128::from(*count)).sum();
				let seen = u128::from(cell).saturating_mul(others).saturating_mul(BILLION);
				let pseudo = if matches { pseudo_right } else { pseudo_wrong };
				(
					seen.saturating_add(pseudo),
					row_total.saturating_add(strength).saturating_mul(others).saturating_mul(BILLION),
				)
			},
			ModelCounts::OneAccuracy { right, wrong } => {
				let total = u128::from(*right).saturating_add(u128::from(*wrong)).saturating_add(strength);
				let numerator = if matches {
					u128::from(*right).saturating_mul(BILLION).saturating_mul(others).saturating_add(pseudo_right)
				} else {
					// The wrong share is spread over the K − 1 other labels.
					u128::from(*wrong).saturating_mul(BILLION).saturating_add(pseudo_wrong)
				};
				(numerator, total.saturating_mul(BILLION).saturating_mul(others))
			},
		};
		// A zero numerator (a prior accuracy of exactly 1, never seen
		// wrong) is taken as the smallest count, so the logarithm exists.
		fixed_math::ln(numerator.max(1), denominator.max(1)).unwrap_or(0)
	}
}

/// The candidate temperatures the task's gold chooses among, in parts per
/// billion: 2^(−i/2) for i = 0..7. A tempered posterior raises each class's
/// likelihood to the temperature, which shrinks overconfident posteriors
/// toward uniform; 1 is the plain posterior.
pub const TEMPERATURES: [u32; 7] = [1_000_000_000, 707_106_781, 500_000_000, 353_553_391, 250_000_000, 176_776_695, 125_000_000];

/// Log losses (nano-nats), one per candidate temperature.
pub type GoldLosses = [u64; TEMPERATURES.len()];

/// What a task has learned besides its annotators' models.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default)]
pub struct TaskEvidence {
	/// Items settled with each class, by class (empty until the first).
	pub class_counts: BoundedVec<u32, ConstU32<MAX_CLASSES>>,
	/// The log loss (nano-nats) each candidate temperature would have had on
	/// the task's revealed gold: the task uses the least.
	pub gold_log_loss: GoldLosses,
	/// Gold answers the losses were measured on.
	pub gold_measured: u32,
}

impl TaskEvidence {
	/// The class prior's weight of `class`: its settled items plus one.
	pub fn prior_weight(&self, class: Label) -> u128 {
		u128::from(self.class_counts.get(usize::from(class)).copied().unwrap_or(0)).saturating_add(1)
	}

	/// The class prior's total weight: all settled items plus K, so that
	/// `prior_weight(class) / prior_total` is P(class).
	pub fn prior_total(&self, class_count: u16) -> u128 {
		let settled: u128 = self.class_counts.iter().map(|count| u128::from(*count)).sum();
		settled.saturating_add(u128::from(class_count)).max(1)
	}

	/// `ln P(class)` × 10^18 under the task's class prior, given its total.
	pub fn log_prior(&self, class: Label, total: u128) -> i128 {
		fixed_math::ln(self.prior_weight(class), total).unwrap_or(0)
	}

	/// Counts (or takes back) an item settled with `class`.
	pub fn observe(&mut self, class: Label, class_count: u16, add: bool) {
		if self.class_counts.is_empty() {
			let _ = self.class_counts.try_extend(core::iter::repeat_n(0, usize::from(class_count)));
		}
		if let Some(count) = self.class_counts.get_mut(usize::from(class)) {
			*count = if add { count.saturating_add(1) } else { count.saturating_sub(1) };
		}
	}

	/// Replaces one gold answer's losses `old` by `new` in the totals (either
	/// none: a first score, or one taken back), counting the answers
	/// measured.
	pub fn rescore(&mut self, old: Option<&GoldLosses>, new: Option<&GoldLosses>) {
		if let Some(old) = old {
			for (total, loss) in self.gold_log_loss.iter_mut().zip(old) {
				*total = total.saturating_sub(*loss);
			}
			self.gold_measured = self.gold_measured.saturating_sub(1);
		}
		if let Some(new) = new {
			for (total, loss) in self.gold_log_loss.iter_mut().zip(new) {
				*total = total.saturating_add(*loss);
			}
			self.gold_measured = self.gold_measured.saturating_add(1);
		}
	}

	/// The temperature the task's gold favours: its mean under the
	/// candidates' posterior given the gold, each candidate weighed by the
	/// likelihood of the task's gold answers under it (`e^−loss`, uniform
	/// prior over the candidates). With few gold answers the weights are
	/// broad and the mean stays between the candidates, where the least
	/// loss alone would jump to an end of the range on one surprising
	/// answer; with many it settles on the best. The plain posterior (1)
	/// before any gold.
	pub fn temperature(&self) -> Perbill {
		if self.gold_measured == 0 {
			return Perbill::one();
		}
		let least = self.gold_log_loss.iter().copied().min().unwrap_or(0);
		let (mut weighted, mut total) = (0u128, 0u128);
		for (loss, temperature) in self.gold_log_loss.iter().zip(TEMPERATURES) {
			// Nano-nats to 10^18 fixed point: e^−(loss − least) × 10^18.
			let excess = u128::from(loss.saturating_sub(least)).saturating_mul(1_000_000_000);
			let weight = fixed_math::exp_neg(excess);
			weighted = weighted.saturating_add(weight.saturating_mul(u128::from(temperature)) / fixed_math::SCALE);
			total = total.saturating_add(weight);
		}
		// The least-loss candidate weighs 10^18, so the total is never 0.
		let mean = weighted.saturating_mul(fixed_math::SCALE) / total.max(1);
		Perbill::from_parts(u32::try_from(mean).unwrap_or(1_000_000_000).min(1_000_000_000))
	}
}
