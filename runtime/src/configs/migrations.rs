//! Multi-block storage migrations (`pallet-migrations`): a migration too big
//! for one block (one that rewrites every settled item, say) runs a bounded
//! step a block, and the chain takes no transactions until it is done, so
//! no call ever sees half-migrated storage.

use frame_support::{migrations::FreezeChainOnFailedMigration, parameter_types, weights::Weight};
use sp_runtime::Perbill;

use crate::{configs::RuntimeBlockWeights, Runtime, RuntimeEvent};

parameter_types! {
	/// What a block gives migration steps: most of it, leaving room for
	/// the inherents and the hooks that still run.
	pub MigrationStepWeight: Weight = Perbill::from_percent(60) * RuntimeBlockWeights::get().max_block;
}

impl pallet_migrations::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = (
		pallet_label_voting::migrations::v2::MigrateSettledItemsV1ToV2<Runtime>,
		pallet_label_voting::migrations::v3::SumPhaseTotalsV2ToV3<Runtime>,
		pallet_tasks::migrations::v3::CountLiveTasksV2ToV3<Runtime>,
	);
	// The pallet's benchmarks drive migrations of their own.
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	// A cursor is a (task, item) pair; identifiers are short names.
	type CursorMaxLen = frame_support::traits::ConstU32<256>;
	type IdentifierMaxLen = frame_support::traits::ConstU32<64>;
	type MigrationStatusHandler = ();
	// A migration that fails stops the chain taking transactions until
	// governance repairs it, rather than running on half-migrated storage.
	type FailedMigrationHandler = FreezeChainOnFailedMigration;
	type MaxServiceWeight = MigrationStepWeight;
	type WeightInfo = pallet_migrations::weights::SubstrateWeight<Runtime>;
}
