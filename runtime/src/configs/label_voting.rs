//! Label voting (`pallet-label-voting`): claims, commit-reveal, tally,
//! appeals, gold and settlement.

use frame_support::{parameter_types, traits::ConstU32, weights::Weight};
use frame_system::EnsureSignedBy;
use sp_runtime::Perbill;

use crate::{
	currency::{MILLI_UNIT, UNIT},
	AccountId, AnnotatorStake, Balance, Balances, ExpertMembership, Reputation, Runtime,
	RuntimeHoldReason, Tasks,
};
use super::system::RuntimeBlockWeights;

use super::tasks::MaxRedundancy;

parameter_types! {
	/// Locked behind each claim or commit: as much as the largest slash one
	/// label can incur (`GoldSlash`), so no slash can find the stake gone. An
	/// annotator at the 10 LBL minimum stake holds ten labels in flight.
	pub const StakePerLabel: Balance = UNIT;
	/// A commit never revealed costs a tenth of an LBL, paid to the treasury.
	pub const UnrevealedSlash: Balance = 100 * MILLI_UNIT;
	/// A claim left to expire costs a hundredth of an LBL, paid to the
	/// treasury: a lapse by accident costs little, holding places one will
	/// not label costs on every one of them.
	pub const ExpiredClaimSlash: Balance = 10 * MILLI_UNIT;
	/// What an expert earns for settling a disputed item or an appeal.
	pub const ExpertFee: Balance = UNIT;
	/// A wrong answer on a gold item costs a whole LBL, ten unrevealed commits.
	pub const GoldSlash: Balance = UNIT;
	pub const GuessingLoss: Perbill = Perbill::from_percent(25);
	/// Held from an appellant until an expert decides.
	pub const AppealBond: Balance = 2 * UNIT;
	/// The share of every block the items' agenda may use (on top of the 75 %
	/// normal transactions may fill): at the largest redundancy, 64
	/// annotators paid per item, fourteen items a block; at the usual 3 to
	/// 5, hundreds.
	pub AgendaWeight: Weight = Perbill::from_percent(8) * RuntimeBlockWeights::get().max_block;
}

impl pallet_label_voting::Config for Runtime {
	type Balance = Balance;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GoldSlash = GoldSlash;
	type Treasury = super::treasury::TreasuryAccount;
	type ExpiredClaimSlash = ExpiredClaimSlash;
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
	// Drawn at the next block's start: 128 draws of 32 probes each take
	// about a twentieth of a block (the weights table has the figure).
	type MaxPendingClaims = ConstU32<128>;
	type MaxBatch = ConstU32<64>;
	// An expert has a day (7,200 six-second blocks) to decide a dispute or
	// an appeal before the fallback applies.
	type ExpertTimeout = ConstU32<7_200>;
	type AgendaWeight = AgendaWeight;
	// A guesser loses a quarter of a reward every K labels.
	type GuessingLoss = GuessingLoss;
	// Tasks of up to 8 classes model each annotator class by class (64
	// counts); larger ones by one accuracy.
	type MaxModelClasses = ConstU32<8>;
	// A newcomer's or a veteran's reputation counts as ten labels on a new
	// task: two or three gold answers (four labels each) outweigh it.
	type ModelPriorStrength = ConstU32<10>;
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
		class_count: u16,
		redundancy: u8,
		assignment: labelchain_primitives::task::AssignmentMode,
		target_accuracy: Perbill,
		gold_commitments: alloc::vec::Vec<sp_core::H256>,
	) -> labelchain_primitives::task::TaskId {
		use frame_support::{traits::fungible::Mutate, BoundedVec};
		let requester: AccountId = frame_benchmarking::account("requester", 0, 0);
		Balances::set_balance(&requester, 1_000_000_000 * UNIT);
		let task = pallet_tasks::NextTaskId::<Runtime>::get();
		let spec = pallet_tasks::TaskSpec::<Runtime> {
			manifest: BoundedVec::truncate_from(labelchain_primitives::cid::EXAMPLE_CID.to_vec()),
			item_count: items,
			class_count,
			min_redundancy: redundancy,
			max_redundancy: redundancy,
			target_accuracy,
			reward_per_label: UNIT,
			dispute_budget: 1_000 * UNIT,
			deadline: frame_system::Pallet::<Runtime>::block_number().saturating_add(10_000),
			min_tier: labelchain_primitives::reputation::Tier::Newcomer,
			min_stake: 0,
			assignment,
			domain: 0,
			gold_commitments: BoundedVec::truncate_from(gold_commitments),
		};
		Tasks::create_task(crate::RuntimeOrigin::signed(requester), spec).expect("funded and valid");
		task
	}
}
