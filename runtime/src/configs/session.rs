//! Validators and their keys: `pallet-session` rotates the Aura and GRANDPA
//! keys every session, and `pallet-validator-set` (ours) tells it who the
//! validators are, as the council decided.
//!
//! Why a pallet of ours: the maintained validator-set managers are
//! `pallet-staking` (nominated proof of stake: elections, eras, rewards, far
//! more than a permissioned network of organisations needs) and the
//! community `substrate-validator-set`, which has no release for stable2609
//! and removes validators on its own for being offline. Ours does one thing:
//! keep the set governance decides, never empty, each member with keys.

use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use crate::{
	configs::{consensus::MAX_AUTHORITIES, council::CouncilTwoThirds},
	currency::UNIT,
	opaque::SessionKeys,
	time::HOURS,
	AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, ValidatorSet,
};

/// A session every this many blocks, on a network whose genesis does not
/// say: an hour.
pub const DEFAULT_SESSION_LENGTH: BlockNumber = HOURS;

type Sessions = pallet_session::PeriodicSessions<
	pallet_validator_set::SessionLengthOf<Runtime>,
	frame_support::traits::ConstU32<0>,
>;

parameter_types! {
	/// Held while an account has session keys registered: what the keys'
	/// storage costs the chain, and a bar to registering keys for nothing.
	pub const SessionKeyDeposit: Balance = 10 * UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A validator is named by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// No offence reports on this chain (no staking to slash): nobody is
	// disabled within a session; governance removes a misbehaving validator.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_validator_set::Config for Runtime {
	type ManageOrigin =
		frame_support::traits::EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type SessionKeys = KeysOfSession;
	// GRANDPA finalizes with two thirds of the set; one validator is the least
	// that still makes blocks (the dev chain runs on one).
	type MinValidators = ConstU32<1>;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	type DefaultSessionLength = ConstU32<DEFAULT_SESSION_LENGTH>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

/// Keys are `pallet-session`'s: an account has them once `session.setKeys`
/// went through (or the genesis set them).
pub struct KeysOfSession;

impl pallet_validator_set::SessionKeysRegistry<AccountId> for KeysOfSession {
	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys_for_benchmark(who: &AccountId) {
		use codec::Encode;
		use sp_runtime::traits::{BlakeTwo256, Hash};
		// Distinct keys per account (the session pallet maps keys back to
		// their owner); their values do not matter to the weight.
		let seed = BlakeTwo256::hash(&who.encode()).0;
		let keys = SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(seed).into(),
			grandpa: sp_core::ed25519::Public::from_raw(seed).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
