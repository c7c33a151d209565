//! `frame_system`: block limits, account format and the runtime's identity.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::ConstU32,
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

use crate::{
	weights::{
		block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
		paritydb_weights::constants::ParityDbWeight,
	},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};
use labelchain_primitives::chain_properties::SS58_PREFIX;

/// Share of a block that normal (user) transactions may fill; the rest is kept
/// for operational ones such as GRANDPA equivocation reports.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const Version: sp_version::RuntimeVersion = VERSION;

	/// Two seconds of compute in a 6-second block, leaving time to import and
	/// gossip it; proof size is unbounded because this is a solochain. Normal
	/// transactions may fill the normal ratio; the rest is kept for operational
	/// ones. The base costs of a block and of a transaction are measured on
	/// this project's machine (scripts/benchmark-weights.sh).
	pub RuntimeBlockWeights: BlockWeights = {
		let max_block = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
		let normal = NORMAL_DISPATCH_RATIO * max_block;
		BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |class| class.base_extrinsic = ExtrinsicBaseWeight::get())
			.for_class(DispatchClass::Normal, |class| class.max_total = Some(normal))
			.for_class(DispatchClass::Operational, |class| {
				class.max_total = Some(max_block);
				class.reserved = Some(max_block - normal);
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic()
	};
	/// 5 MiB blocks, of which normal transactions may fill the normal ratio.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH)
		.build();
	pub const BlockHashCount: BlockNumber = 2400;
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores state in ParityDB only (RocksDB is not compiled in); a
	// read and a write are priced as measured on that database.
	type DbWeight = ParityDbWeight;
	// What the nonce, mortality and weight checks cost every transaction, as
	// measured here (the default prices them on reference hardware and RocksDB).
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
	// Multi-block migrations block transactions while they run.
	type MultiBlockMigrator = crate::MultiBlockMigrations;
}
