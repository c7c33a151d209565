//! A test runtime: system, balances and this pallet.

use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

use crate as pallet_annotator_stake;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// An account that does not exist until something is paid to it.
pub const NOBODY: AccountId = 99;

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const INITIAL_BALANCE: Balance = 10_000;
pub const MINIMUM_STAKE: Balance = 100;
pub const UNBONDING_PERIOD: u64 = 10;
pub const MAX_UNBONDING_CHUNKS: u32 = 3;

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
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type AnnotatorStake = pallet_annotator_stake;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const UnbondingPeriod: u64 = UNBONDING_PERIOD;
	pub const DefaultMinimumStake: Balance = MINIMUM_STAKE;
}

impl pallet_annotator_stake::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnbondingChunks = ConstU32<MAX_UNBONDING_CHUNKS>;
	type DefaultMinimumStake = DefaultMinimumStake;
	type WeightInfo = ();
}

/// Alice, Bob and Charlie start with `INITIAL_BALANCE` each.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, INITIAL_BALANCE), (BOB, INITIAL_BALANCE), (CHARLIE, INITIAL_BALANCE)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the pallet's invariants and that no tokens were
/// created or destroyed.
pub fn test_with_invariants(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		test();
		AnnotatorStake::do_try_state().expect("stake invariants hold");
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance, "total issuance changed");
	});
}

pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
