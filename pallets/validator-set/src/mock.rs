//! A test runtime: system, balances (for the session key deposit), the
//! session pallet and this pallet, with one dummy session key per validator.

use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::{
	impl_opaque_keys,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId, RuntimeAppPublic,
};

use crate as pallet_validator_set;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

pub const SESSION_LENGTH: u64 = 5;
pub const MIN_VALIDATORS: u32 = 2;
pub const MAX_VALIDATORS: u32 = 5;
pub const GENESIS_VALIDATORS: [AccountId; 3] = [1, 2, 3];
/// Holds the key deposit.
pub const KEY_DEPOSIT: u64 = 10;

impl_opaque_keys! {
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

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
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

thread_local! {
	/// The authorities the session pallet last told its handler about.
	static AUTHORITIES: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// The validators consensus would use now.
pub fn authorities() -> Vec<AccountId> {
	AUTHORITIES.with(|authorities| authorities.borrow().clone())
}

/// Stands for Aura and GRANDPA: remembers who the active validators are.
pub struct ConsensusStandIn;
impl pallet_session::SessionHandler<AccountId> for ConsensusStandIn {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<Ks: OpaqueKeys>(validators: &[(AccountId, Ks)]) {
		AUTHORITIES.with(|a| *a.borrow_mut() = validators.iter().map(|(v, _)| *v).collect());
	}
	fn on_new_session<Ks: OpaqueKeys>(
		_changed: bool,
		validators: &[(AccountId, Ks)],
		_queued: &[(AccountId, Ks)],
	) {
		AUTHORITIES.with(|a| *a.borrow_mut() = validators.iter().map(|(v, _)| *v).collect());
	}
	fn on_disabled(_: u32) {}
}

parameter_types! {
	pub const KeyDeposit: u64 = KEY_DEPOSIT;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<
		crate::SessionLengthOf<Test>,
		frame_support::traits::ConstU64<0>,
	>;
	type NextSessionRotation = pallet_session::PeriodicSessions<
		crate::SessionLengthOf<Test>,
		frame_support::traits::ConstU64<0>,
	>;
	type SessionManager = ValidatorSet;
	type SessionHandler = ConsensusStandIn;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}

/// Keys are the session pallet's: an account has them once `set_keys` went
/// through (or genesis set them).
pub struct SessionKeysOfSession;
impl crate::SessionKeysRegistry<AccountId> for SessionKeysOfSession {
	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Test>::contains_key(who)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys_for_benchmark(who: &AccountId) {
		pallet_session::NextKeys::<Test>::insert(who, MockSessionKeys::from(*who));
	}
}

impl From<AccountId> for MockSessionKeys {
	fn from(who: AccountId) -> Self {
		Self {
			dummy: UintAuthorityId(who),
		}
	}
}

impl pallet_validator_set::Config for Test {
	type ManageOrigin = frame_system::EnsureRoot<AccountId>;
	type SessionKeys = SessionKeysOfSession;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type DefaultSessionLength = frame_support::traits::ConstU64<SESSION_LENGTH>;
	type WeightInfo = ();
}

/// Genesis: validators 1, 2 and 3 with keys; accounts 1 to 9 funded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..10).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: GENESIS_VALIDATORS.to_vec(),
		session_length: SESSION_LENGTH,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS_VALIDATORS
			.iter()
			.map(|&v| (v, v, MockSessionKeys::from(v)))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
