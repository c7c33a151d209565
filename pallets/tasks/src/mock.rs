//! A test runtime: system, balances and this pallet.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU16, ConstU32, ConstU64},
	BoundedVec,
};
use labelchain_primitives::{task::AssignmentMode, reputation::Tier};
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

use crate as pallet_tasks;
use crate::TaskSpec;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const REQUESTER: AccountId = 1;
pub const ANNOTATOR: AccountId = 2;
pub const EXPERT: AccountId = 3;
pub const OTHER: AccountId = 4;
/// Where protocol fees go.
pub const TREASURY: AccountId = 6;
/// Has just enough for a small task.
pub const POOR: AccountId = 5;

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const POOR_BALANCE: Balance = 100;
/// Each gold commitment of a redundancy-3 spec holds 6.
pub const GOLD_BOND_PER_LABEL: Balance = 2;
/// Held per task until its working storage is gone.
pub const TASK_DEPOSIT: Balance = 5;
/// Held per gold commitment until it is pruned.
pub const GOLD_DEPOSIT: Balance = 1;
pub const MAX_ITEMS: u32 = 1_000;
pub const MAX_CLASSES: u16 = 256;
pub const MAX_REDUNDANCY: u8 = 64;
pub const MAX_GOLD: u32 = 8;

pub use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;

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
	pub type Tasks = pallet_tasks;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
	// Real read and write costs, so a migration's steps are bounded.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
	type MultiBlockMigrator = MockMigrator;
}

parameter_types! {
	/// Whether a multi-block migration runs (tests set it).
	pub static Migrating: bool = false;
}

/// A multi-block migrator that is running while `Migrating` says so.
pub struct MockMigrator;

impl frame_support::migrations::MultiStepMigrator for MockMigrator {
	fn ongoing() -> bool {
		Migrating::get()
	}

	fn step() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

parameter_types! {
	/// Room for dozens of closes a block with the `()` weights; tests set less.
	pub static AgendaBudget: frame_support::weights::Weight = frame_support::weights::Weight::from_parts(20_000_000_000, 2_000_000);
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const MinTargetAccuracy: Perbill = Perbill::from_percent(50);
	/// A fifth of each reward: 1 on the specs' reward of 5.
	pub const ProtocolFee: Perbill = Perbill::from_percent(20);
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_tasks::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxCidLength = ConstU32<64>;
	type MaxItems = ConstU32<MAX_ITEMS>;
	type MaxClasses = ConstU16<MAX_CLASSES>;
	type MaxRedundancy = ConstU32<{ MAX_REDUNDANCY as u32 }>;
	type MinTargetAccuracy = MinTargetAccuracy;
	type MaxGoldItems = ConstU32<MAX_GOLD>;
	type AgendaWeight = AgendaBudget;
	type ProtocolFee = ProtocolFee;
	type GoldBondPerLabel = ConstU64<GOLD_BOND_PER_LABEL>;
	type Treasury = ConstU64<TREASURY>;
	type TaskDeposit = ConstU64<TASK_DEPOSIT>;
	type GoldDeposit = ConstU64<GOLD_DEPOSIT>;
	// Small, so that pruning a task takes several blocks.
	type MaxPrunePerBlock = ConstU32<2>;
	type WorkingStorage = ();
	type WeightInfo = ();
}

/// A valid task: 10 items, 3 classes, redundancy 3, reward 5 (and a fee of
/// 1), dispute budget 100, deadline at block 100: a budget of
/// 10 × 3 × (5 + 1) + 100 = 280.
pub fn spec() -> TaskSpec<Test> {
	TaskSpec {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: 10,
		class_count: 3,
		min_redundancy: 3,
		max_redundancy: 3,
		target_accuracy: Perbill::from_percent(60),
		reward_per_label: 5,
		dispute_budget: 100,
		deadline: 100,
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment: AssignmentMode::Assigned,
		domain: 0,
		gold_commitments: BoundedVec::truncate_from(vec![H256::repeat_byte(7), H256::repeat_byte(8)]),
	}
}

pub const SPEC_BUDGET: Balance = 280;
/// The spec's two gold commitments' bonds: 2 × 3 × `GOLD_BOND_PER_LABEL`.
pub const SPEC_GOLD_BONDS: Balance = 12;
/// The spec's storage deposit: the task's and its two commitments'.
pub const SPEC_DEPOSIT: Balance = TASK_DEPOSIT + 2 * GOLD_DEPOSIT;
/// The protocol fee on each of the spec's label rewards.
pub const FEE_PER_LABEL: Balance = 1;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(REQUESTER, INITIAL_BALANCE),
			(ANNOTATOR, INITIAL_BALANCE),
			(EXPERT, INITIAL_BALANCE),
			(OTHER, INITIAL_BALANCE),
			(POOR, POOR_BALANCE),
			(TREASURY, EXISTENTIAL_DEPOSIT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the escrow invariants and that no tokens were
/// created or destroyed.
pub fn test_with_invariants(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		test();
		Tasks::do_try_state().expect("escrow invariants hold");
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance, "total issuance changed");
	});
}

pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
