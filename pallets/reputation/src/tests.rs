//! Scores, tiers, fading and vote weights, and the one call.

use frame_support::{assert_noop, assert_ok};
use labelchain_primitives::{
	reputation::{LabelOutcome, Tier},
	traits::{ReputationInspect, ReputationRecorder},
};
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Zero, DispatchError, Perbill};

use crate::{mock::*, Error, Event, ReputationParameters, ReputationRecord, Reputations};

/// A record with `correct` agreeing and `incorrect` disagreeing labels.
fn record(correct: u32, incorrect: u32) -> ReputationRecord {
	ReputationRecord { agreed: correct, disagreed: incorrect, ..Default::default() }
}

fn record_many(who: AccountId, domain: u32, outcome: LabelOutcome, times: u32) {
	for _ in 0..times {
		Reputation::record(&who, domain, outcome);
	}
}

mod score {
	use super::*;

	#[test]
	fn is_the_posterior_mean_under_the_prior() {
		let params = parameters();
		// No history: the prior 2 / (2 + 1).
		assert_eq!(ReputationRecord::default().score(&params), Perbill::from_rational(2u32, 3));
		// 8 right and 1 wrong: (2 + 8) / (3 + 9).
		assert_eq!(record(8, 1).score(&params), Perbill::from_rational(10u32, 12));
	}

	#[test]
	fn gold_counts_several_times_and_misconduct_counts_against() {
		let params = parameters();
		let gold = ReputationRecord { gold_correct: 1, ..Default::default() };
		assert_eq!(gold.score(&params), record(4, 0).score(&params));
		let gold_wrong = ReputationRecord { gold_wrong: 1, ..Default::default() };
		assert_eq!(gold_wrong.score(&params), record(0, 4).score(&params));
		let unrevealed = ReputationRecord { unrevealed: 1, ..Default::default() };
		assert_eq!(unrevealed.score(&params), record(0, 2).score(&params));
		let expired = ReputationRecord { expired_claims: 1, ..Default::default() };
		assert_eq!(expired.score(&params), record(0, 1).score(&params));
	}
}

mod weight {
	use super::*;

	#[test]
	fn a_coin_flipper_on_a_binary_task_has_no_weight() {
		let params = parameters();
		// (2 + 9) right, (1 + 10) wrong: exactly 0.5.
		let coin = record(9, 10);
		assert_eq!(coin.score(&params), Perbill::from_percent(50));
		assert_eq!(coin.vote_weight(&params, 2), FixedU128::zero());
		// Worse than chance is clipped to zero, not negative.
		assert_eq!(record(0, 50).vote_weight(&params, 2), FixedU128::zero());
	}

	#[test]
	fn is_the_log_odds_of_the_score() {
		let params = parameters();
		// A newcomer on a binary task: ln(2/1).
		let newcomer = ReputationRecord::default().vote_weight(&params, 2);
		assert!(newcomer.into_inner().abs_diff(693_147_180_559_945_309) <= 100);
		// The prior is K-aware: a newcomer is assumed a little above chance
		// on any task (2/(K+1)), and weighs ln 2 on every one of them.
		for classes in [3u16, 8, 256] {
			let newcomer = ReputationRecord::default().vote_weight(&params, classes);
			assert!(newcomer.into_inner().abs_diff(693_147_180_559_945_309) <= 100, "{classes} classes");
		}
		// 9 right and 10 wrong on a 3-class task, with the prior 2 : 1·2:
		// p = 11/23, above chance (1/3): ln(11·2/12).
		assert!(record(9, 10).vote_weight(&params, 3).into_inner().abs_diff(606_135_803_570_315_520) <= 1_000);
	}

	#[test]
	fn grows_with_accuracy_and_is_capped() {
		let params = parameters();
		for classes in [2u16, 3, 5, 256] {
			let mut previous = FixedU128::zero();
			// Accuracy from 0 to 1 in steps of 1/100 of 100 labels.
			for correct in 0..=100u32 {
				let weight = record(correct, 100 - correct).vote_weight(&params, classes);
				assert!(weight >= previous, "{classes} classes: weight fell at {correct}/100");
				assert!(weight <= params.max_weight);
				previous = weight;
			}
			assert_eq!(previous, params.max_weight, "{classes} classes: a perfect record is capped");
		}
		// Strictly increasing where below the cap, for a binary task.
		assert!(record(60, 40).vote_weight(&params, 2) < record(70, 30).vote_weight(&params, 2));
		assert!(record(70, 30).vote_weight(&params, 2) < record(80, 20).vote_weight(&params, 2));
	}
}

mod tiers {
	use super::*;

	#[test]
	fn need_both_volume_and_accuracy() {
		let params = parameters();
		assert_eq!(ReputationRecord::default().tier(&params), Tier::Newcomer);
		// Accurate but too few labels.
		assert_eq!(record(9, 0).tier(&params), Tier::Newcomer);
		assert_eq!(record(10, 0).tier(&params), Tier::Qualified);
		// Enough labels but inaccurate.
		assert_eq!(record(50, 50).tier(&params), Tier::Newcomer);
		assert_eq!(record(40, 5).tier(&params), Tier::Trusted);
		assert_eq!(record(100, 5).tier(&params), Tier::Expert);
	}

	#[test]
	fn changes_are_announced_per_domain() {
		test_with_invariants(|| {
			record_many(ALICE, 7, LabelOutcome::Agreed, 10);
			System::assert_last_event(Event::TierChanged { who: ALICE, domain: 7, tier: Tier::Qualified }.into());
			assert_eq!(Reputation::tier(&ALICE, 7), Tier::Qualified);
			assert_eq!(Reputation::tier(&ALICE, 3), Tier::Newcomer);
			assert_eq!(Reputation::tier(&ALICE, 0), Tier::Newcomer);
			record_many(ALICE, 7, LabelOutcome::GoldWrong, 3);
			System::assert_last_event(Event::TierChanged { who: ALICE, domain: 7, tier: Tier::Newcomer }.into());
			assert_eq!(Reputation::tier(&ALICE, 7), Tier::Newcomer);
		});
	}
}

mod recording {
	use super::*;

	#[test]
	fn counts_in_the_task_domain_only() {
		test_with_invariants(|| {
			Reputation::record(&ALICE, 5, LabelOutcome::Agreed);
			Reputation::record(&ALICE, 5, LabelOutcome::GoldCorrect);
			Reputation::record(&ALICE, 0, LabelOutcome::Disagreed);
			Reputation::record(&ALICE, 5, LabelOutcome::Unrevealed);
			Reputation::record(&ALICE, 5, LabelOutcome::ClaimExpired);
			Reputation::record(&ALICE, 5, LabelOutcome::GoldWrong);
			let domain = Reputations::<Test>::get(ALICE, 5);
			assert_eq!(
				domain,
				ReputationRecord {
					agreed: 1,
					disagreed: 0,
					gold_correct: 1,
					gold_wrong: 1,
					unrevealed: 1,
					expired_claims: 1
				}
			);
			// Domain 0 is a domain like any other: it saw one label.
			let general = Reputations::<Test>::get(ALICE, 0);
			assert_eq!(general.disagreed, 1);
			assert_eq!(general.total(), 1);
			assert_eq!(Reputations::<Test>::get(BOB, 0), ReputationRecord::default());
		});
	}

	#[test]
	fn an_outcome_withdrawn_is_as_if_never_counted_and_never_below_zero() {
		test_with_invariants(|| {
			Reputation::record(&ALICE, 5, LabelOutcome::Agreed);
			let before = Reputations::<Test>::get(ALICE, 5);
			Reputation::record(&ALICE, 5, LabelOutcome::GoldWrong);
			Reputation::withdraw(&ALICE, 5, LabelOutcome::GoldWrong);
			assert_eq!(Reputations::<Test>::get(ALICE, 5), before);
			Reputation::withdraw(&ALICE, 5, LabelOutcome::GoldWrong);
			assert_eq!(Reputations::<Test>::get(ALICE, 5), before, "nothing to take back");
		});
	}

	#[test]
	fn old_history_fades() {
		test_with_invariants(|| {
			// A bad start...
			record_many(ALICE, 0, LabelOutcome::Disagreed, 150);
			let early = Reputation::vote_weight(&ALICE, 0, 2);
			assert_eq!(early, FixedU128::zero());
			// ...outweighed by recent good work once the old counts have halved.
			record_many(ALICE, 0, LabelOutcome::Agreed, 600);
			let record = Reputations::<Test>::get(ALICE, 0);
			assert!(record.total() <= FADE_THRESHOLD);
			assert!(record.disagreed < 20, "old disagreements did not fade: {record:?}");
			assert!(Reputation::vote_weight(&ALICE, 0, 2) > FixedU128::from_u32(2));
		});
	}
}

mod set_parameters {
	use super::*;

	#[test]
	fn root_changes_how_reputation_is_computed() {
		test_with_invariants(|| {
			let mut changed = parameters();
			changed.prior_correct = 1;
			assert_ok!(Reputation::set_parameters(RuntimeOrigin::root(), changed));
			System::assert_last_event(Event::ParametersSet { parameters: changed }.into());
			assert_eq!(ReputationParameters::<Test>::get(), changed);
			// Beta(1, 1): a newcomer is a coin flip with no weight.
			assert_eq!(Reputation::vote_weight(&ALICE, 0, 2), FixedU128::zero());
		});
	}

	#[test]
	fn rejects_invalid_parameters() {
		test_with_invariants(|| {
			let spoilers: [fn(&mut crate::Parameters); 5] = [
				|p| p.prior_correct = 0,
				|p| p.prior_incorrect = 0,
				|p| p.gold_weight = 0,
				|p| p.trusted.min_score = Perbill::from_percent(50),
				|p| p.fade_threshold = 100,
			];
			for spoil in spoilers {
				let mut params = parameters();
				spoil(&mut params);
				assert_noop!(
					Reputation::set_parameters(RuntimeOrigin::root(), params),
					Error::<Test>::InvalidParameters
				);
			}
		});
	}

	#[test]
	fn only_root() {
		test_with_invariants(|| {
			assert_noop!(
				Reputation::set_parameters(RuntimeOrigin::signed(ALICE), parameters()),
				DispatchError::BadOrigin
			);
		});
	}
}
