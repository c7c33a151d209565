//! Task escrow (`pallet-tasks`).

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32},
	weights::Weight,
};
use sp_runtime::Perbill;

use super::system::RuntimeBlockWeights;
use crate::{Balances, Runtime, RuntimeHoldReason};

parameter_types! {
	/// A winning label needs more than half the vote weight.
	pub const MinAgreementThreshold: Perbill = Perbill::from_percent(50);
	/// The share of every block for closing tasks past their deadline
	/// (hundreds a block).
	pub AgendaWeight: Weight = Perbill::from_percent(2) * RuntimeBlockWeights::get().max_block;
	/// Every paid label reward carries a 5 % fee to the treasury, paid by the
	/// requester on top: farming reputation by paying oneself costs a
	/// twentieth of every reward, and the chain's upkeep is paid by its use.
	pub const ProtocolFee: Perbill = Perbill::from_percent(5);
}

/// Most annotators per item: what a task may ask for, and what an item's
/// records hold.
pub type MaxRedundancy = ConstU32<64>;

impl pallet_tasks::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// A binary CIDv1 with a 512-bit digest fits in 64 bytes.
	type MaxCidLength = ConstU32<64>;
	type MaxItems = ConstU32<100_000>;
	type MaxClasses = ConstU16<256>;
	type MaxRedundancy = MaxRedundancy;
	type MinAgreementThreshold = MinAgreementThreshold;
	// Up to a tenth of the largest task can be gold.
	type MaxGoldItems = ConstU32<10_000>;
	type AgendaWeight = AgendaWeight;
	type ProtocolFee = ProtocolFee;
	// A false gold answer can cost each of its item's annotators `GoldSlash`:
	// the bond covers them all.
	type GoldBondPerLabel = super::label_voting::GoldSlash;
	type Treasury = super::treasury::TreasuryAccount;
	type WeightInfo = pallet_tasks::weights::SubstrateWeight<Runtime>;
}
