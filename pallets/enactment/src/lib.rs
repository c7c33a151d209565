//! # Enactment
//!
//! What governance decides by its enactment threshold runs as Root.
//!
//! Some calls accept only Root: `system.set_code` (a runtime upgrade),
//! `system.authorize_upgrade`, `sudo.remove_key`, storage repairs. On a
//! network without sudo, the council reaches them through `enact`, whose
//! origin (`EnactOrigin`) the runtime sets to a council supermajority. The
//! council's motion is `enactment.enact(call)`: once the motion passes and is
//! closed, the call is dispatched with the Root origin and its result is in
//! the `Enacted` event.
//!
//! Calls that have an origin of their own (the expert set, the validator set,
//! treasury spends) take the council's origin directly, with its own
//! threshold; this pallet is only for what has no other way in.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{StorageVersion, UnfilteredDispatchable},
	};
	use frame_system::{pallet_prelude::*, RawOrigin};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A call governance may enact.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;
		/// Who may enact: the council at its enactment threshold.
		type EnactOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An enacted call ran as Root, with this result.
		Enacted { result: DispatchResult },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatches `call` with the Root origin.
		///
		/// Origin: `EnactOrigin`. The weight is this call's plus the enacted
		/// call's; the enacted call's failure is reported in `Enacted`, not as
		/// this call's error, so that the motion's outcome is on chain either
		/// way.
		///
		/// Errors: `BadOrigin`. Event: `Enacted`.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let inner = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(inner.call_weight), inner.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::EnactOrigin::ensure_origin(origin)?;
			let declared = call.get_dispatch_info().call_weight;
			let outcome = call.dispatch_bypass_filter(RawOrigin::Root.into());
			let inner_weight = match &outcome {
				Ok(post) => post.actual_weight,
				Err(failed) => failed.post_info.actual_weight,
			}
			.unwrap_or(declared);
			Self::deposit_event(Event::Enacted {
				result: outcome.map(|_| ()).map_err(|e| e.error),
			});
			Ok(PostDispatchInfo {
				actual_weight: Some(T::WeightInfo::enact().saturating_add(inner_weight)),
				pays_fee: Pays::Yes,
			})
		}
	}
}
