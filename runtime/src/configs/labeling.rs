//! The labeling pallets: task escrow, annotator stake and reputation.

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32, ConstU8},
};
use pallet_reputation::{Parameters as ReputationParameters, TierRule};
use sp_arithmetic::FixedU128;
use sp_runtime::Perbill;

use crate::{
	currency::UNIT,
	time::DAYS,
	Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason,
};

parameter_types! {
	/// A winning label needs more than half the vote weight.
	pub const MinAgreementThreshold: Perbill = Perbill::from_percent(50);
	/// Stake stays slashable for a week after it is unbonded.
	pub const UnbondingPeriod: BlockNumber = 7 * DAYS;
	/// The global minimum stake at genesis; Root may change it.
	pub const DefaultMinimumStake: Balance = 10 * UNIT;

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

impl pallet_tasks::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// A binary CIDv1 with a 512-bit digest fits in 64 bytes.
	type MaxCidLength = ConstU32<64>;
	type MaxItems = ConstU32<100_000>;
	type MaxClasses = ConstU16<256>;
	type MaxRedundancy = ConstU8<64>;
	type MinAgreementThreshold = MinAgreementThreshold;
	// Up to a tenth of the largest task can be gold.
	type MaxGoldItems = ConstU32<10_000>;
	type WeightInfo = pallet_tasks::weights::SubstrateWeight<Runtime>;
}

impl pallet_annotator_stake::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnbondingChunks = ConstU32<16>;
	type DefaultMinimumStake = DefaultMinimumStake;
	type WeightInfo = pallet_annotator_stake::weights::SubstrateWeight<Runtime>;
}

impl pallet_reputation::Config for Runtime {
	type DefaultParameters = DefaultReputationParameters;
	type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
}
