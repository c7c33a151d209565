//! Reputation (`pallet-reputation`).

use frame_support::parameter_types;
use pallet_reputation::{Parameters as ReputationParameters, TierRule};
use sp_arithmetic::FixedU128;
use sp_runtime::Perbill;

use crate::Runtime;

parameter_types! {
	/// How reputation is computed at genesis; Root may change it. A newcomer is
	/// assumed right two times in three (Beta(2, 1)), which gives them a modest
	/// say (ln 2 on a binary task) until their record speaks; a gold answer
	/// counts as four labels; a commit never revealed as two wrong labels; the
	/// cap of 4 (about 98 % accuracy on a binary task) keeps any one annotator
	/// from outvoting several agreeing ones.
	pub DefaultReputationParameters: ReputationParameters = ReputationParameters {
		prior_correct: 2,
		prior_incorrect: 1,
		gold_weight: 4,
		unrevealed_weight: 2,
		expired_claim_weight: 1,
		fade_threshold: 1_000,
		max_weight: FixedU128::from_u32(4),
		qualified: TierRule { min_labels: 20, min_score: Perbill::from_percent(60) },
		trusted: TierRule { min_labels: 100, min_score: Perbill::from_percent(75) },
		expert: TierRule { min_labels: 300, min_score: Perbill::from_percent(90) },
	};
}

impl pallet_reputation::Config for Runtime {
	type DefaultParameters = DefaultReputationParameters;
	type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
}
