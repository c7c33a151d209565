//! A test runtime: system and this pallet.

use frame_support::{derive_impl, parameter_types};
use sp_arithmetic::FixedU128;
use sp_runtime::{BuildStorage, Perbill};

use crate as pallet_reputation;
use crate::{Parameters, TierRule};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const FADE_THRESHOLD: u32 = 200;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Reputation = pallet_reputation;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Prior Beta(2, 1): a newcomer is assumed right two times in three.
pub fn parameters() -> Parameters {
	Parameters {
		prior_correct: 2,
		prior_incorrect: 1,
		gold_weight: 4,
		unrevealed_weight: 2,
		expired_claim_weight: 1,
		fade_threshold: FADE_THRESHOLD,
		max_weight: FixedU128::from_u32(4),
		qualified: TierRule { min_labels: 10, min_score: Perbill::from_percent(60) },
		trusted: TierRule { min_labels: 40, min_score: Perbill::from_percent(75) },
		expert: TierRule { min_labels: 80, min_score: Perbill::from_percent(90) },
	}
}

parameter_types! {
	pub DefaultParameters: Parameters = parameters();
}

impl pallet_reputation::Config for Test {
	type DefaultParameters = DefaultParameters;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn test_with_invariants(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Reputation::do_try_state().expect("reputation invariants hold");
	});
}
