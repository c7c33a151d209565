//! The set governance decides reaches consensus two sessions later; the
//! set never loses its keys, its bounds or its order.

use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use frame_system::RawOrigin;
use sp_runtime::{testing::UintAuthorityId, DispatchError, RuntimeAppPublic};

use crate::{mock::*, Error, Event, PendingChange, Validators};

/// Runs blocks until `sessions` more sessions have started.
fn run_sessions(sessions: u32) {
	let target = Session::current_index() + sessions;
	while Session::current_index() < target {
		let next = System::block_number() + 1;
		System::run_to_block::<AllPalletsWithSystem>(next);
	}
}

/// `who` registers session keys, with the proof that it owns them.
fn set_keys(who: AccountId) {
	set_keys_to(who, UintAuthorityId(who));
}

fn set_keys_to(who: AccountId, key: UintAuthorityId) {
	let proof = key.sign(&who.encode()).expect("a test key signs").encode();
	assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(who),
		MockSessionKeys { dummy: key },
		proof
	));
}

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

/// Runs the test and then the pallet's invariants.
fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		crate::Pallet::<Test>::do_try_state().expect("the invariants hold");
	});
}

#[test]
fn genesis_validators_author_from_the_first_session() {
	test(|| {
		assert_eq!(
			Validators::<Test>::get().into_inner(),
			GENESIS_VALIDATORS.to_vec()
		);
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec());
		run_sessions(3);
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn an_added_validator_authors_from_the_second_session_after() {
	test(|| {
		set_keys(4);
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		System::assert_last_event(Event::ValidatorAdded { validator: 4 }.into());
		assert!(PendingChange::<Test>::get());

		// Planned at the next session's start, active at the one after.
		run_sessions(1);
		assert!(!PendingChange::<Test>::get());
		assert_eq!(authorities(), vec![1, 2, 3]);
		run_sessions(1);
		assert_eq!(authorities(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn a_removed_validator_stops_from_the_second_session_after() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 2));
		System::assert_last_event(Event::ValidatorRemoved { validator: 2 }.into());
		run_sessions(1);
		assert_eq!(authorities(), vec![1, 2, 3]);
		run_sessions(1);
		assert_eq!(authorities(), vec![1, 3]);
	});
}

#[test]
fn an_unchanged_set_is_not_handed_over_again() {
	test(|| {
		run_sessions(1);
		let planned = <ValidatorSet as pallet_session::SessionManager<AccountId>>::new_session(
			Session::current_index() + 1,
		);
		assert_eq!(planned, None);
	});
}

#[test]
fn a_validator_rotating_keys_stays_in_the_set() {
	test(|| {
		set_keys_to(1, UintAuthorityId(100));
		run_sessions(2);
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(
			pallet_session::NextKeys::<Test>::get(1),
			Some(MockSessionKeys {
				dummy: UintAuthorityId(100)
			})
		);
	});
}

#[test]
fn only_the_manage_origin_changes_the_set() {
	test(|| {
		set_keys(4);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(4), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::none(), 4),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_validator_without_session_keys_cannot_be_added() {
	test(|| {
		assert_noop!(
			ValidatorSet::add_validator(root(), 4),
			Error::<Test>::NoSessionKeys
		);
	});
}

#[test]
fn a_validator_is_added_once() {
	test(|| {
		assert_noop!(
			ValidatorSet::add_validator(root(), 1),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn the_set_stops_at_max_validators() {
	test(|| {
		for who in 4..=MAX_VALIDATORS as AccountId {
			set_keys(who);
			assert_ok!(ValidatorSet::add_validator(root(), who));
		}
		set_keys(9);
		assert_noop!(
			ValidatorSet::add_validator(root(), 9),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn the_set_never_falls_below_min_validators() {
	test(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		assert_eq!(Validators::<Test>::get().len() as u32, MIN_VALIDATORS);
		assert_noop!(
			ValidatorSet::remove_validator(root(), 2),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn only_members_are_removed() {
	test(|| {
		assert_noop!(
			ValidatorSet::remove_validator(root(), 7),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn the_set_stays_sorted_whatever_the_order_of_changes() {
	test(|| {
		for who in [5, 4] {
			set_keys(who);
			assert_ok!(ValidatorSet::add_validator(root(), who));
		}
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		assert_eq!(Validators::<Test>::get().into_inner(), vec![1, 2, 4, 5]);
		run_sessions(2);
		assert_eq!(authorities(), vec![1, 2, 4, 5]);
	});
}
