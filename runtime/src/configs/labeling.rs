//! The labeling pallets: task escrow, annotator stake, reputation, the expert
//! set, and label voting.

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use pallet_reputation::{Parameters as ReputationParameters, TierRule};
use sp_arithmetic::FixedU128;
use sp_runtime::Perbill;

use crate::{
	currency::{MILLI_UNIT, UNIT},
	time::DAYS,
	AccountId, AnnotatorStake, Balance, Balances, BlockNumber, ExpertMembership, Reputation,
	Runtime, RuntimeEvent, RuntimeHoldReason, Tasks,
};

parameter_types! {
	/// A winning label needs more than half the vote weight.
	pub const MinAgreementThreshold: Perbill = Perbill::from_percent(50);
	/// Stake stays slashable for a week after it is unbonded.
	pub const UnbondingPeriod: BlockNumber = 7 * DAYS;
	/// The global minimum stake at genesis; Root may change it.
	pub const DefaultMinimumStake: Balance = 10 * UNIT;

	/// How reputation is computed at genesis; Root may change it. A newcomer is
	/// assumed right two times in three (Beta(2, 1)), which gives them a modest
	/// say (ln 2 on a binary task) until their record speaks; a gold answer
	/// counts as four labels; a commit never revealed as two wrong labels; the
	/// cap of 4 (about 98 % accuracy on a binary task) keeps any one annotator
	/// from outvoting several agreeing ones.
	pub DefaultReputationParameters: ReputationParameters = ReputationParameters {
		prior_correct: 2,
		prior_incorrect: 1,
		gold_weight: 4,
		unrevealed_weight: 2,
		expired_claim_weight: 1,
		fade_threshold: 1_000,
		max_weight: FixedU128::from_u32(4),
		qualified: TierRule { min_labels: 20, min_score: Perbill::from_percent(60) },
		trusted: TierRule { min_labels: 100, min_score: Perbill::from_percent(75) },
		expert: TierRule { min_labels: 300, min_score: Perbill::from_percent(90) },
	};
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

impl pallet_reputation::Config for Runtime {
	type DefaultParameters = DefaultReputationParameters;
	type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
}

/// The expert set: governance (Root) adds and removes members.
pub type ExpertSet = pallet_membership::Instance1;

impl pallet_membership::Config<ExpertSet> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<100>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Locked behind each claim or commit: 16 open claims lock 8 LBL, less than
	/// the 10 LBL minimum stake.
	pub const StakePerLabel: Balance = UNIT / 2;
	/// A commit never revealed costs a tenth of an LBL, paid to the requester.
	pub const UnrevealedSlash: Balance = 100 * MILLI_UNIT;
	/// What an expert earns for settling a disputed item or an appeal.
	pub const ExpertFee: Balance = UNIT;
	/// A wrong answer on a gold item costs a whole LBL, ten unrevealed commits.
	pub const GoldSlash: Balance = UNIT;
	/// Held from an appellant until an expert decides.
	pub const AppealBond: Balance = 2 * UNIT;
}

impl pallet_label_voting::Config for Runtime {
	type Balance = Balance;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GoldSlash = GoldSlash;
	// Accepted labels may be appealed (and gold revealed) for 100 blocks.
	type AppealWindow = ConstU32<100>;
	type AppealBond = AppealBond;
	type Tasks = Tasks;
	type Stake = AnnotatorStake;
	type Reputation = Reputation;
	type ExpertOrigin = EnsureSignedBy<ExpertMembership, AccountId>;
	// An item holds as many claims and commits as a task may ask for.
	type MaxRedundancy = MaxRedundancy;
	type ClaimTtl = ConstU32<100>;
	type MaxOpenClaims = ConstU32<16>;
	type RevealWindow = ConstU32<50>;
	type StakePerLabel = StakePerLabel;
	type UnrevealedSlash = UnrevealedSlash;
	type ExpertFee = ExpertFee;
	type MaxAssignmentProbes = ConstU32<32>;
	type MaxBatch = ConstU32<64>;
	type WeightInfo = pallet_label_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = VotingBenchmarkHelper;
}

/// Funded, bonded annotators and funded tasks for the voting benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct VotingBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_label_voting::BenchmarkHelper<AccountId> for VotingBenchmarkHelper {
	fn annotator(index: u32) -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let who: AccountId = frame_benchmarking::account("annotator", index, 0);
		if pallet_annotator_stake::Ledgers::<Runtime>::get(&who).is_none() {
			Balances::set_balance(&who, 1_000 * UNIT);
			AnnotatorStake::bond(crate::RuntimeOrigin::signed(who.clone()), 100 * UNIT)
				.expect("funded above the bond");
		}
		who
	}

	fn create_task(
		items: u32,
		redundancy: u8,
		assignment: labelchain_primitives::labeling::AssignmentMode,
		agreement_threshold: Perbill,
		gold_commitments: alloc::vec::Vec<sp_core::H256>,
	) -> labelchain_primitives::labeling::TaskId {
		use frame_support::{traits::fungible::Mutate, BoundedVec};
		let requester: AccountId = frame_benchmarking::account("requester", 0, 0);
		Balances::set_balance(&requester, 1_000_000_000 * UNIT);
		let task = pallet_tasks::NextTaskId::<Runtime>::get();
		let spec = pallet_tasks::TaskSpec::<Runtime> {
			manifest: BoundedVec::truncate_from(labelchain_primitives::labeling::EXAMPLE_CID.to_vec()),
			item_count: items,
			class_count: 2,
			redundancy,
			agreement_threshold,
			reward_per_label: UNIT,
			dispute_budget: 1_000 * UNIT,
			deadline: frame_system::Pallet::<Runtime>::block_number().saturating_add(10_000),
			min_tier: labelchain_primitives::labeling::Tier::Newcomer,
			min_stake: 0,
			assignment,
			domain: 0,
			gold_commitments: BoundedVec::truncate_from(gold_commitments),
		};
		Tasks::create_task(crate::RuntimeOrigin::signed(requester), spec).expect("funded and valid");
		task
	}
}
