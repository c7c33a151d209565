//! Enacted calls run as Root, for the enactment origin only, and their
//! outcome is on chain whichever it is.

use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_runtime::{DispatchError, DispatchErrorWithPostInfo};

use crate::{mock::*, Event, WeightInfo};

fn set_storage_call() -> RuntimeCall {
	// Root only: `set_storage` refuses any other origin.
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"key".to_vec(), b"value".to_vec())],
	})
}

#[test]
fn an_enacted_call_runs_as_root() {
	new_test_ext().execute_with(|| {
		assert_ok!(Enactment::enact(
			RuntimeOrigin::signed(COUNCIL),
			Box::new(set_storage_call())
		));
		assert_eq!(sp_io::storage::get(b"key").as_deref(), Some(&b"value"[..]));
		System::assert_last_event(Event::Enacted { result: Ok(()) }.into());
	});
}

#[test]
fn nobody_else_enacts() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(STRANGER), RuntimeOrigin::none()] {
			assert_noop!(
				Enactment::enact(origin, Box::new(set_storage_call())),
				DispatchErrorWithPostInfo::from(DispatchError::BadOrigin)
			);
		}
		assert_eq!(sp_io::storage::get(b"key"), None);
	});
}

#[test]
fn a_failed_enacted_call_is_reported_not_hidden() {
	new_test_ext().execute_with(|| {
		// Root is not the enactment origin, so an enactment inside an
		// enactment fails inside.
		let nested = RuntimeCall::Enactment(crate::Call::enact {
			call: Box::new(set_storage_call()),
		});
		assert_ok!(Enactment::enact(
			RuntimeOrigin::signed(COUNCIL),
			Box::new(nested)
		));
		assert_eq!(sp_io::storage::get(b"key"), None);
		let event = System::events().pop().expect("an event").event;
		match event {
			RuntimeEvent::Enactment(Event::Enacted {
				result: Err(DispatchError::BadOrigin),
			}) => {}
			other => panic!("expected a failed enactment, got {other:?}"),
		}
	});
}

#[test]
fn the_weight_covers_the_enacted_call() {
	new_test_ext().execute_with(|| {
		let inner = set_storage_call();
		let inner_weight = inner.get_dispatch_info().call_weight;
		let outer = RuntimeCall::Enactment(crate::Call::enact {
			call: Box::new(inner),
		});
		let weight = outer.get_dispatch_info().call_weight;
		let own: frame_support::weights::Weight = <() as WeightInfo>::enact();
		assert_eq!(weight, own + inner_weight);
	});
}
