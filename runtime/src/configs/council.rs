//! The council (`pallet-collective`): the organisations that run the network
//! decide by motion and vote, on chain.
//!
//! Why `pallet-collective` rather than `pallet-membership` with a multisig: a
//! motion is public while it is open (its call, its votes and its deadline
//! are storage any wallet shows), thresholds differ by what is decided (a
//! majority for the expert set, two thirds for validators and upgrades), a
//! motion that is not closed expires, and a member who left cannot sign for
//! the council any more. A multisig has one threshold, decides in private
//! until the last signature, and its account outlives its signers.
//!
//! What the council decides, and by how much:
//!   - the expert set: a majority (`expert_set.rs`);
//!   - the validator set: two thirds (`session.rs`);
//!   - anything that needs Root (runtime upgrades, the treasury's funds,
//!     parameters): two thirds, through `enactment.enact`;
//!   - its own members: two thirds (`council.setMembers`).

use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use crate::{
	configs::RuntimeBlockWeights, time::DAYS, AccountId, BlockNumber, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin,
};

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// More than half of the council.
pub type CouncilMajority =
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>;

/// At least two thirds of the council.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// Root (sudo, on dev and test networks) or two thirds of the council.
pub type RootOrCouncilTwoThirds = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;

/// Most council members.
pub const MAX_COUNCIL_MEMBERS: u32 = 20;

parameter_types! {
	/// A motion not closed within this expires: long enough for members in
	/// every time zone to vote, short enough that an old motion cannot be
	/// revived by a later council. A motion with enough votes closes at once.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// What one motion may use of a block when it is closed.
	pub MaxCouncilProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<MAX_COUNCIL_MEMBERS>;
	// A member who did not vote follows the prime member, if any.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	type SetMembersOrigin = RootOrCouncilTwoThirds;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = RootOrCouncilTwoThirds;
	type KillOrigin = RootOrCouncilTwoThirds;
	// Only members propose; no deposit is needed to keep strangers out.
	type Consideration = ();
}

impl pallet_enactment::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type EnactOrigin = CouncilTwoThirds;
	type WeightInfo = pallet_enactment::weights::SubstrateWeight<Runtime>;
}
