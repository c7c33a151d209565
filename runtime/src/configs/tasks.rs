//! Task escrow (`pallet-tasks`).

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32},
	weights::Weight,
};
use sp_runtime::Perbill;

use codec::MaxEncodedLen;
use labelchain_primitives::{currency::MILLI_UNIT, task::GoldCommitment};

use super::system::RuntimeBlockWeights;
use crate::{Balance, Balances, Runtime, RuntimeHoldReason};

/// What keeping `items` storage entries of `bytes` bytes in all holds, until
/// they are removed: 10 mLBL an entry and 1 mLBL a byte, so a megabyte holds
/// 1,000 LBL (Polkadot's relay chain holds 1,000 DOT). The one storage price
/// of the labeling pallets.
pub const fn storage_deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 10 * MILLI_UNIT + bytes as Balance * MILLI_UNIT
}

/// Bytes of a storage key: the pallet and map prefix (32), then each key's
/// hash and value (a `Twox64Concat` of a u32 is 12).
const fn key_bytes(map_keys: u32) -> u32 {
	32 + 12 * map_keys
}

parameter_types! {
	/// A winning label needs more than half the vote weight.
	pub const MinTargetAccuracy: Perbill = Perbill::from_percent(50);
	/// The share of every block for closing tasks past their deadline
	/// (hundreds a block).
	pub AgendaWeight: Weight = Perbill::from_percent(2) * RuntimeBlockWeights::get().max_block;
	/// Every paid label reward carries a 5 % fee to the treasury, paid by the
	/// requester on top: farming reputation by paying oneself costs a
	/// twentieth of every reward, and the chain's upkeep is paid by its use.
	pub const ProtocolFee: Perbill = Perbill::from_percent(5);
	/// A task's working storage while it lives: its record, its deadline
	/// entry and its phase counters.
	pub TaskDeposit: Balance = storage_deposit(
		3,
		key_bytes(1) + pallet_tasks::TaskInfo::<Runtime>::max_encoded_len() as u32 +
			key_bytes(2) +
			key_bytes(1) + pallet_label_voting::types::PhaseCounts::max_encoded_len() as u32,
	);
	/// A gold commitment's entry (its hash and the item it is revealed for).
	pub GoldDeposit: Balance =
		storage_deposit(1, key_bytes(2) + GoldCommitment::max_encoded_len() as u32);
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
	type MinTargetAccuracy = MinTargetAccuracy;
	// Up to a tenth of the largest task can be gold.
	type MaxGoldItems = ConstU32<10_000>;
	type AgendaWeight = AgendaWeight;
	type ProtocolFee = ProtocolFee;
	// A false gold answer can cost each of its item's annotators `GoldSlash`:
	// the bond covers them all.
	type GoldBondPerLabel = super::label_voting::GoldSlash;
	type Treasury = super::treasury::TreasuryAccount;
	type TaskDeposit = TaskDeposit;
	type GoldDeposit = GoldDeposit;
	// 10,000 gold commitments go in 20 blocks.
	type MaxPrunePerBlock = ConstU32<500>;
	type WorkingStorage = crate::LabelVoting;
	type WeightInfo = pallet_tasks::weights::SubstrateWeight<Runtime>;
}
