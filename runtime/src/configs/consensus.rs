//! Block authoring (Aura), finality (GRANDPA) and the clock they share.

use frame_support::{parameter_types, traits::ConstU32};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::ConstU64;

use crate::{time::SLOT_DURATION, Aura, Runtime, RuntimeEvent};

/// Most validators the chain can have. Aura and GRANDPA keep their authority
/// lists in bounded storage of this size.
pub const MAX_AUTHORITIES: u32 = 32;

parameter_types! {
	pub const MaxAuthorities: u32 = MAX_AUTHORITIES;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	// Aura checks that each block's timestamp falls in the block's slot.
	type OnTimestampSet = Aura;
	// Two timestamps one slot apart always differ by at least half a slot.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	// One block per slot: a second block in the same slot is an equivocation.
	type AllowMultipleBlocksPerSlot = frame_support::traits::ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	// No nominated staking on this chain.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need a session history this chain does not keep.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
