//! Annotator stake (`pallet-annotator-stake`).

use frame_support::{parameter_types, traits::ConstU32};

use crate::{currency::UNIT, time::DAYS, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason};

parameter_types! {
	/// Stake stays slashable for a week after it is unbonded.
	pub const UnbondingPeriod: BlockNumber = 7 * DAYS;
	/// The global minimum stake at genesis; Root may change it.
	pub const DefaultMinimumStake: Balance = 10 * UNIT;
}

impl pallet_annotator_stake::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnbondingChunks = ConstU32<16>;
	type DefaultMinimumStake = DefaultMinimumStake;
	type WeightInfo = pallet_annotator_stake::weights::SubstrateWeight<Runtime>;
}
