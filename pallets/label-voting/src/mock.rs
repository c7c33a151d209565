//! A test runtime with the real escrow, stake and reputation pallets behind the
//! traits this pallet uses.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU16, ConstU32},
	BoundedVec,
};
use frame_system::EnsureSignedBy;
use labelchain_primitives::{task::AssignmentMode, reputation::Tier};
use sp_arithmetic::FixedU128;
use sp_core::H256;
use sp_runtime::{BuildStorage, Perbill};

use crate as pallet_label_voting;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

pub const REQUESTER: AccountId = 1;
/// Annotators 10, 11, 12, ... are funded and bonded.
pub const FIRST_ANNOTATOR: AccountId = 10;
pub const ANNOTATORS: u64 = 8;
pub const EXPERT: AccountId = 99;
/// Where slashes go.
pub const TREASURY: AccountId = 98;
/// Funded but never bonds.
pub const UNBONDED: AccountId = 50;

pub const INITIAL_BALANCE: Balance = 1_000_000;
pub const BOND: Balance = 1_000;
/// As much as the largest slash, `GOLD_SLASH`.
pub const STAKE_PER_LABEL: Balance = 30;
pub const UNREVEALED_SLASH: Balance = 7;
pub const EXPERT_FEE: Balance = 20;
/// Held per task until its working storage is gone.
pub const TASK_DEPOSIT: Balance = 3;
pub const GOLD_SLASH: Balance = 30;
pub const EXPIRED_CLAIM_SLASH: Balance = 3;
pub const APPEAL_WINDOW: u64 = 6;
pub const APPEAL_BOND: Balance = 50;
pub const CLAIM_TTL: u64 = 10;
pub const REVEAL_WINDOW: u64 = 5;
pub const MAX_OPEN_CLAIMS: u32 = 3;
/// Assigned claims one block takes.
pub const MAX_PENDING_CLAIMS: u32 = 4;
pub const REWARD: Balance = 5;
/// The protocol fee on each reward, to the treasury.
pub const FEE: Balance = 1;
pub const EXPERT_TIMEOUT: u64 = 20;

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
	#[runtime::pallet_index(3)]
	pub type AnnotatorStake = pallet_annotator_stake;
	#[runtime::pallet_index(4)]
	pub type Reputation = pallet_reputation;
	#[runtime::pallet_index(5)]
	pub type LabelVoting = pallet_label_voting;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
	// Real database weights, so that a migration's steps are bounded.
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
	/// Each pallet's agenda budget per block: room for dozens of entries with
	/// the `()` weights; tests set less.
	pub static AgendaBudget: frame_support::weights::Weight = frame_support::weights::Weight::from_parts(200_000_000_000, 20_000_000);
	pub const ExistentialDeposit: Balance = 1;
	pub const MinTargetAccuracy: Perbill = Perbill::from_percent(50);
	/// A fifth of each reward: `FEE` on `REWARD`.
	pub const ProtocolFee: Perbill = Perbill::from_percent(20);
	pub const UnbondingPeriod: u64 = 100;
	pub const DefaultMinimumStake: Balance = 100;
	pub ReputationParameters: pallet_reputation::Parameters = pallet_reputation::Parameters {
		prior_correct: 2,
		prior_incorrect: 1,
		gold_weight: 4,
		unrevealed_weight: 2,
		expired_claim_weight: 1,
		fade_threshold: 1_000,
		max_weight: FixedU128::from_u32(4),
		qualified: pallet_reputation::TierRule { min_labels: 20, min_score: Perbill::from_percent(60) },
		trusted: pallet_reputation::TierRule { min_labels: 100, min_score: Perbill::from_percent(75) },
		expert: pallet_reputation::TierRule { min_labels: 300, min_score: Perbill::from_percent(90) },
	};
}

parameter_types! {
	/// The expert set: `EXPERT` unless a test sets others.
	pub static ExpertSet: Vec<AccountId> = vec![EXPERT];
}

/// The members of `ExpertSet`, sorted, as `EnsureSignedBy` wants them.
pub struct Experts;

impl frame_support::traits::SortedMembers<AccountId> for Experts {
	fn sorted_members() -> Vec<AccountId> {
		let mut members = ExpertSet::get();
		members.sort();
		members
	}
}

/// Makes `experts` the expert set.
pub fn set_experts(experts: &[AccountId]) {
	ExpertSet::set(experts.to_vec());
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
	type MaxItems = ConstU32<1_000>;
	type MaxClasses = ConstU16<256>;
	type MaxRedundancy = MaxRedundancy;
	type MinTargetAccuracy = MinTargetAccuracy;
	type MaxGoldItems = ConstU32<16>;
	type AgendaWeight = AgendaBudget;
	type ProtocolFee = ProtocolFee;
	type GoldBondPerLabel = ConstU64<GOLD_SLASH>;
	type Treasury = ConstU64<TREASURY>;
	type TaskDeposit = ConstU64<TASK_DEPOSIT>;
	type GoldDeposit = ConstU64<1>;
	type MaxPrunePerBlock = ConstU32<8>;
	type WorkingStorage = LabelVoting;
	type WeightInfo = ();
}

impl pallet_annotator_stake::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnbondingChunks = ConstU32<4>;
	type DefaultMinimumStake = DefaultMinimumStake;
	type WeightInfo = ();
}

impl pallet_reputation::Config for Test {
	type DefaultParameters = ReputationParameters;
	type WeightInfo = ();
}

/// Most annotators per item, for both the tasks and the voting pallet.
pub type MaxRedundancy = ConstU32<8>;

parameter_types! {
	pub const GuessingLoss: Perbill = Perbill::from_percent(25);
	pub const ClaimTtl: u64 = CLAIM_TTL;
	pub const RevealWindow: u64 = REVEAL_WINDOW;
}

impl pallet_label_voting::Config for Test {
	type Balance = Balance;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GoldSlash = ConstU64<GOLD_SLASH>;
	type Treasury = ConstU64<TREASURY>;
	type ExpiredClaimSlash = ConstU64<EXPIRED_CLAIM_SLASH>;
	type AppealWindow = ConstU64<APPEAL_WINDOW>;
	type AppealBond = ConstU64<APPEAL_BOND>;
	type Tasks = Tasks;
	type Stake = AnnotatorStake;
	type Reputation = Reputation;
	type ExpertOrigin = EnsureSignedBy<Experts, AccountId>;
	type MaxRedundancy = MaxRedundancy;
	type ClaimTtl = ClaimTtl;
	type MaxOpenClaims = ConstU32<MAX_OPEN_CLAIMS>;
	type RevealWindow = RevealWindow;
	type StakePerLabel = ConstU64<STAKE_PER_LABEL>;
	type UnrevealedSlash = ConstU64<UNREVEALED_SLASH>;
	type ExpertFee = ConstU64<EXPERT_FEE>;
	type MaxAssignmentProbes = ConstU32<16>;
	type MaxPendingClaims = ConstU32<MAX_PENDING_CLAIMS>;
	type MaxBatch = ConstU32<16>;
	type ExpertTimeout = ConstU64<EXPERT_TIMEOUT>;
	type AgendaWeight = AgendaBudget;
	type GuessingLoss = GuessingLoss;
	type MaxModelClasses = ConstU32<8>;
	type ModelPriorStrength = ConstU32<10>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Benchmark accounts 1_000, 1_001, ... funded and bonded on first use.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn annotator(index: u32) -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let who = 1_000 + u64::from(index);
		if pallet_annotator_stake::Ledgers::<Test>::get(who).is_none() {
			Balances::set_balance(&who, INITIAL_BALANCE);
			AnnotatorStake::bond(RuntimeOrigin::signed(who), BOND).expect("funded");
		}
		who
	}

	fn create_task(
		items: u32,
		class_count: u16,
		redundancy: u8,
		assignment: AssignmentMode,
		target_accuracy: Perbill,
		gold_commitments: Vec<H256>,
	) -> u32 {
		let task = pallet_tasks::NextTaskId::<Test>::get();
		let mut spec = task_spec(items, redundancy, assignment);
		spec.class_count = class_count;
		spec.target_accuracy = target_accuracy;
		spec.gold_commitments = BoundedVec::truncate_from(gold_commitments);
		Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec).expect("funded");
		task
	}
}

use frame_support::traits::ConstU64;

use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;

/// A binary task of `items` items, fixed redundancy `redundancy`, reward `REWARD`,
/// dispute budget 100, target accuracy 60 %, deadline block 1_000.
pub fn task_spec(items: u32, redundancy: u8, assignment: AssignmentMode) -> pallet_tasks::TaskSpec<Test> {
	pallet_tasks::TaskSpec {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: items,
		class_count: 2,
		min_redundancy: redundancy,
		max_redundancy: redundancy,
		target_accuracy: Perbill::from_percent(60),
		reward_per_label: REWARD,
		dispute_budget: 100,
		deadline: 1_000,
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment,
		domain: 1,
		gold_commitments: BoundedVec::<H256, _>::new(),
	}
}

/// The gold commitment of `answer` for `item`, with the salt the tests use.
pub fn gold_commitment(item: u32, answer: u16) -> H256 {
	labelchain_primitives::commitment::gold_commitment(item, answer, &GOLD_SALT)
}

pub const GOLD_SALT: [u8; 32] = [42; 32];

/// Annotator `n` (0-based).
pub fn annotator(n: u64) -> AccountId {
	FIRST_ANNOTATOR + n
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances = vec![(REQUESTER, INITIAL_BALANCE), (EXPERT, INITIAL_BALANCE), (UNBONDED, INITIAL_BALANCE), (TREASURY, 1)];
	balances.extend((0..ANNOTATORS).map(|n| (annotator(n), INITIAL_BALANCE)));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for n in 0..ANNOTATORS {
			AnnotatorStake::bond(RuntimeOrigin::signed(annotator(n)), BOND).unwrap();
		}
	});
	ext
}

/// Runs `test`, then checks every pallet's invariants and that no tokens were
/// created or destroyed.
pub fn test_with_invariants(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		test();
		LabelVoting::do_try_state().expect("voting invariants hold");
		Tasks::do_try_state().expect("escrow invariants hold");
		AnnotatorStake::do_try_state().expect("stake invariants hold");
		Reputation::do_try_state().expect("reputation invariants hold");
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance, "total issuance changed");
	});
}

/// Runs blocks up to `n` with every hook: the agenda moves items on.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// Block `n` without running the blocks' hooks: a chain whose agenda has not
/// got to the items yet (a backlog), where the signed `finalize_*` calls do
/// what it would.
pub fn jump_to_block(n: u64) {
	System::set_block_number(n);
}
