//! The LBL token (`pallet_balances`) and transaction fees.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::IdentityFee,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{
	currency::{EXISTENTIAL_DEPOSIT, MICRO_UNIT},
	Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
};

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	// Dust of reaped accounts is dropped, as on Polkadot.
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = frame_system::Pallet<Runtime>;
	// Measured on this project's machine, like the labeling pallets' weights.
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	// The labeling pallets escrow budgets and bond stake with holds.
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees stay flat; the chain has no congestion pricing yet.
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// A hundred micro-LBL per byte of transaction: a megabyte costs 100
	/// LBL, as Polkadot charges 100 DOT (10 millicents a byte). At one
	/// micro-LBL, 0.9 MB of permanent gold commitments cost 0.9 LBL.
	pub const TransactionByteFee: Balance = 100 * MICRO_UNIT;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees are taken from the sender and dropped (no treasury on this chain).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	// Operational transactions (e.g. finality reports) pay 5x for priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	// One unit of fee per picosecond of weight: 1 ms of compute costs 1 milli-LBL.
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = frame_support::weights::ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	// The fee extension's own cost, measured on this project's machine.
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

// The fee benchmark needs no setup: fees are dropped, no author is paid.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}
