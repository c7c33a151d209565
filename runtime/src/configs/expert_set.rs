//! The expert set (`pallet-membership`): who settles disputes and appeals.

use frame_support::traits::{ConstU32, EitherOfDiverse};
use frame_system::EnsureRoot;

use crate::{configs::council::CouncilMajority, AccountId, Runtime, RuntimeEvent};

/// The expert set: a council majority (or Root, on dev and test networks)
/// adds and removes members.
pub type ExpertSet = pallet_membership::Instance1;

/// Who changes the expert set.
type ExpertSetOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilMajority>;

impl pallet_membership::Config<ExpertSet> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = ExpertSetOrigin;
	type RemoveOrigin = ExpertSetOrigin;
	type SwapOrigin = ExpertSetOrigin;
	type ResetOrigin = ExpertSetOrigin;
	type PrimeOrigin = ExpertSetOrigin;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<100>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}
