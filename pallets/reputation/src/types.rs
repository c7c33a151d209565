//! What the pallet stores: an annotator's record per domain, and the
//! parameters governance sets.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use labelchain_primitives::reputation::{LabelOutcome, Tier};
use scale_info::TypeInfo;
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Zero, Perbill};

use labelchain_primitives::fixed_math;

/// The least record an annotator needs for a tier.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct TierRule {
	/// Labels settled (gold or not) in the current, faded record.
	pub min_labels: u32,
	/// Posterior mean accuracy.
	pub min_score: Perbill,
}

/// How reputation is computed. Root may change it; the defaults come from the
/// runtime.
#[derive(
	Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Parameters {
	/// Beta prior: pseudo-counts of correct and incorrect labels every
	/// annotator starts with. Their ratio is a newcomer's assumed accuracy.
	pub prior_correct: u32,
	pub prior_incorrect: u32,
	/// How many ordinary labels a gold answer counts as.
	pub gold_weight: u32,
	/// How many incorrect labels a commit never revealed counts as.
	pub unrevealed_weight: u32,
	/// How many incorrect labels a claim left to expire counts as.
	pub expired_claim_weight: u32,
	/// When the record's counts add up to more than this, they are halved.
	pub fade_threshold: u32,
	/// The largest vote weight, so that no single annotator outvotes a crowd.
	pub max_weight: FixedU128,
	/// What `Qualified`, `Trusted` and `Expert` need.
	pub qualified: TierRule,
	pub trusted: TierRule,
	pub expert: TierRule,
}

impl Parameters {
	/// Whether the parameters make sense: a proper prior, tiers that get
	/// harder, and fading that keeps enough history for the highest tier.
	pub fn is_valid(&self) -> bool {
		self.prior_correct > 0 &&
			self.prior_incorrect > 0 &&
			self.gold_weight > 0 &&
			self.qualified.min_labels <= self.trusted.min_labels &&
			self.trusted.min_labels <= self.expert.min_labels &&
			self.qualified.min_score <= self.trusted.min_score &&
			self.trusted.min_score <= self.expert.min_score &&
			self.expert.min_labels <= self.fade_threshold / 2
	}
}

/// An annotator's record in one domain. The counts fade: once they add up to
/// more than `fade_threshold`, all are halved, so recent work counts most.
#[derive(
	Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default,
)]
pub struct ReputationRecord {
	/// Labels that matched the settled label.
	pub agreed: u32,
	/// Labels that did not.
	pub disagreed: u32,
	/// Gold answers right and wrong.
	pub gold_correct: u32,
	pub gold_wrong: u32,
	/// Commits never revealed.
	pub unrevealed: u32,
	/// Claims left to expire.
	pub expired_claims: u32,
}

impl ReputationRecord {
	/// Counts one outcome, then fades if the record has grown past the threshold.
	pub fn record(&mut self, outcome: LabelOutcome, fade_threshold: u32) {
		let count = self.count_of(outcome);
		*count = count.saturating_add(1);
		if self.total() > fade_threshold {
			self.fade();
		}
	}

	/// Takes back one outcome counted earlier (a gold answer's, counted at
	/// its reveal, when an expert overturns it). A fade between the two can
	/// leave the count short by less than one halved label: it stops at 0.
	pub fn withdraw(&mut self, outcome: LabelOutcome) {
		let count = self.count_of(outcome);
		*count = count.saturating_sub(1);
	}

	/// The count an outcome goes to.
	fn count_of(&mut self, outcome: LabelOutcome) -> &mut u32 {
		match outcome {
			LabelOutcome::Agreed => &mut self.agreed,
			LabelOutcome::Disagreed => &mut self.disagreed,
			LabelOutcome::GoldCorrect => &mut self.gold_correct,
			LabelOutcome::GoldWrong => &mut self.gold_wrong,
			LabelOutcome::Unrevealed => &mut self.unrevealed,
			LabelOutcome::ClaimExpired => &mut self.expired_claims,
		}
	}

	/// Halves every count (rounding down).
	pub fn fade(&mut self) {
		for count in [
			&mut self.agreed,
			&mut self.disagreed,
			&mut self.gold_correct,
			&mut self.gold_wrong,
			&mut self.unrevealed,
			&mut self.expired_claims,
		] {
			*count /= 2;
		}
	}

	/// Every count added up.
	pub fn total(&self) -> u32 {
		self.agreed
			.saturating_add(self.disagreed)
			.saturating_add(self.gold_correct)
			.saturating_add(self.gold_wrong)
			.saturating_add(self.unrevealed)
			.saturating_add(self.expired_claims)
	}

	/// Labels that were settled, gold or not.
	pub fn labels(&self) -> u32 {
		self.agreed
			.saturating_add(self.disagreed)
			.saturating_add(self.gold_correct)
			.saturating_add(self.gold_wrong)
	}

	/// Evidence for and against the annotator's accuracy, prior included:
	/// the two parameters of the Beta posterior.
	pub fn evidence(&self, params: &Parameters) -> (u128, u128) {
		let gold = u128::from(params.gold_weight);
		let correct = u128::from(params.prior_correct)
			.saturating_add(u128::from(self.agreed))
			.saturating_add(gold.saturating_mul(self.gold_correct.into()));
		let incorrect = u128::from(params.prior_incorrect)
			.saturating_add(u128::from(self.disagreed))
			.saturating_add(gold.saturating_mul(self.gold_wrong.into()))
			.saturating_add(
				u128::from(params.unrevealed_weight).saturating_mul(self.unrevealed.into()),
			)
			.saturating_add(
				u128::from(params.expired_claim_weight).saturating_mul(self.expired_claims.into()),
			);
		(correct, incorrect)
	}

	/// The posterior mean accuracy: correct / (correct + incorrect).
	pub fn score(&self, params: &Parameters) -> Perbill {
		let (correct, incorrect) = self.evidence(params);
		let total = correct.saturating_add(incorrect);
		// Both counts fit in u64: they are bounded by the fade threshold and the
		// weights, all u32.
		Perbill::from_rational(correct as u64, total.max(1) as u64)
	}

	/// The highest tier this record qualifies for.
	pub fn tier(&self, params: &Parameters) -> Tier {
		let labels = self.labels();
		let score = self.score(params);
		let meets = |rule: &TierRule| labels >= rule.min_labels && score >= rule.min_score;
		if meets(&params.expert) {
			Tier::Expert
		} else if meets(&params.trusted) {
			Tier::Trusted
		} else if meets(&params.qualified) {
			Tier::Qualified
		} else {
			Tier::Newcomer
		}
	}

	/// The vote weight on a task with `class_count` classes: the log-odds
	/// `ln(p·(K−1)/(1−p))` of the posterior accuracy p, clipped to
	/// `[0, max_weight]`. With p = c/(c+i) the odds are exactly c·(K−1)/i.
	/// The prior is K-aware: its incorrect pseudo-count is scaled by K−1,
	/// so a newcomer's assumed accuracy is `c₀/(c₀ + i₀·(K−1))`, a little
	/// above chance (1/K) whatever K, and their weight `ln(c₀/i₀)` the same
	/// on every task; with the binary task's prior on an 8-class one, a
	/// newcomer would weigh ln 14, nearly the cap.
	pub fn vote_weight(&self, params: &Parameters, class_count: u16) -> FixedU128 {
		let (correct, incorrect) = self.evidence(params);
		let others = u128::from(class_count.saturating_sub(1)).max(1);
		let incorrect = incorrect
			.saturating_add(u128::from(params.prior_incorrect).saturating_mul(others.saturating_sub(1)));
		let odds_numerator = correct.saturating_mul(others);
		if odds_numerator <= incorrect {
			// No better than chance: no say in the vote.
			return FixedU128::zero();
		}
		// The odds are above 1 here, so the logarithm is positive.
		fixed_math::ln(odds_numerator, incorrect.max(1))
			.and_then(|ln| u128::try_from(ln).ok())
			.map(FixedU128::from_inner)
			.unwrap_or(params.max_weight)
			.min(params.max_weight)
	}
}
