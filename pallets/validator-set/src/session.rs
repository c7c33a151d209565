//! What `pallet-session` asks of the validator set: the set for a session
//! being planned, and how long a session lasts.

use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::One;

use crate::{Config, Pallet, PendingChange, SessionLength, Validators};

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The set governance decided, if it changed since the last plan; `None`
	/// keeps the current one (and GRANDPA's authority set id with it).
	fn new_session(_planned: u32) -> Option<Vec<T::AccountId>> {
		if !PendingChange::<T>::take() {
			return None;
		}
		Some(Validators::<T>::get().into_inner())
	}

	/// At genesis the session pallet needs the set for sessions 0 and 1
	/// (`None` when the genesis named none: the session pallet's own keys).
	fn new_session_genesis(_planned: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get().into_inner();
		(!validators.is_empty()).then_some(validators)
	}

	fn end_session(_: u32) {}
	fn start_session(_: u32) {}
}

/// Blocks per session as the genesis set them, for
/// `pallet_session::PeriodicSessions`. Never zero: a chain whose storage
/// lacks the value (none built by this pallet's genesis) rotates every block
/// rather than divide by zero.
pub struct SessionLengthOf<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SessionLengthOf<T> {
	fn get() -> BlockNumberFor<T> {
		SessionLength::<T>::get().max(One::one())
	}
}
