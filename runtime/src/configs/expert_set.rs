//! The expert set (`pallet-membership`): who settles disputes and appeals.

use frame_support::traits::ConstU32;
use frame_system::EnsureRoot;

use crate::{AccountId, Runtime, RuntimeEvent};

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
