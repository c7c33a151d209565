//! The labeling pallets: task escrow and annotator stake.

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32, ConstU8},
};
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
