//! # Validator set
//!
//! Who authors blocks and votes on finality, decided by governance.
//!
//! `pallet-session` rotates the validators' keys every session; this pallet is
//! its `SessionManager`: it keeps the set governance wants and hands it to the
//! session pallet when the set changed. The session pallet plans the next
//! session's set when a session starts, so a validator added or removed during
//! session `n` is queued at the start of `n + 1` and authors (or stops) from
//! the start of session `n + 2`.
//!
//! A validator is added only once it registered session keys
//! (`session.setKeys` after `author_rotateKeys`): a set member without keys
//! would be skipped by the session pallet, and the council would believe in a
//! validator that does not exist. The set never falls below `MinValidators`
//! (an empty set would halt the chain) or above `MaxValidators` (the
//! authority lists of Aura and GRANDPA are bounded).
//!
//! The session length is part of the network's genesis (its chain spec): a
//! production network rotates hourly, a test network every few blocks.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod session;
#[cfg(test)]
mod tests;
pub mod weights;

pub use session::SessionLengthOf;
pub use weights::WeightInfo;

/// Whether an account registered the session keys a validator needs. The
/// runtime answers from `pallet-session`, which owns the keys.
pub trait SessionKeysRegistry<AccountId> {
	fn has_keys(who: &AccountId) -> bool;
	/// Registers keys for `who`, so that benchmarks can add it.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys_for_benchmark(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::StorageVersion};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who adds and removes validators (the council, or Root).
		type ManageOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who has session keys.
		type SessionKeys: SessionKeysRegistry<Self::AccountId>;
		/// Fewest validators the set may have.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// Most validators the set may have: no more than the consensus
		/// pallets' authority bound.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Blocks per session when the genesis does not say.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;
		type WeightInfo: WeightInfo;
	}

	/// The validator set governance decided, sorted by account. Sessions apply
	/// it two sessions after a change (see the crate docs).
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether `Validators` changed since the session pallet last planned a
	/// session: the set is handed over only then, so that an unchanged set
	/// does not start a new GRANDPA authority set every session.
	#[pallet::storage]
	pub type PendingChange<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Blocks per session, from genesis.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The first validators (their keys go in `pallet-session`'s genesis).
		pub validators: Vec<T::AccountId>,
		/// Blocks per session.
		pub session_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// No validators (a chain spec always names them) and the runtime's
		/// default session length.
		fn default() -> Self {
			Self {
				validators: Vec::new(),
				session_length: T::DefaultSessionLength::get(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut validators = self.validators.clone();
			validators.sort();
			validators.dedup();
			// The default genesis (for tools that build one to read its shape)
			// has none; a chain spec must have enough.
			assert!(
				validators.is_empty() || validators.len() >= T::MinValidators::get() as usize,
				"genesis has fewer validators than MinValidators"
			);
			let validators: BoundedVec<_, _> = validators
				.try_into()
				.expect("genesis has more validators than MaxValidators");
			assert!(
				!self.session_length.is_zero(),
				"a session lasts at least one block"
			);
			Validators::<T>::put(validators);
			SessionLength::<T>::put(self.session_length);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `validator` joins the set; it authors from the second session
		/// after this one.
		ValidatorAdded { validator: T::AccountId },
		/// `validator` leaves the set; it stops from the second session after
		/// this one.
		ValidatorRemoved { validator: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the validator set.
		AlreadyValidator,
		/// The account is not in the validator set.
		NotValidator,
		/// The set is at `MaxValidators`.
		TooManyValidators,
		/// Removing would leave fewer than `MinValidators`.
		TooFewValidators,
		/// The account has not registered session keys (`session.setKeys`).
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MinValidators::get() >= 1,
				"an empty validator set halts the chain"
			);
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators exceeds MaxValidators"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Adds `validator` to the set, from the second session after this one.
		///
		/// Origin: `ManageOrigin`. The account must have registered session
		/// keys.
		///
		/// Errors: `AlreadyValidator`, `NoSessionKeys`, `TooManyValidators`.
		/// Event: `ValidatorAdded`.
		#[pallet::call_index(0)]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ManageOrigin::ensure_origin(origin)?;
			ensure!(
				T::SessionKeys::has_keys(&validator),
				Error::<T>::NoSessionKeys
			);
			Validators::<T>::try_mutate(|validators| -> DispatchResult {
				let at = validators
					.binary_search(&validator)
					.err()
					.ok_or(Error::<T>::AlreadyValidator)?;
				validators
					.try_insert(at, validator.clone())
					.map_err(|_| Error::<T>::TooManyValidators)?;
				Ok(())
			})?;
			PendingChange::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { validator });
			Ok(())
		}

		/// Removes `validator` from the set, from the second session after
		/// this one. Its node may stop once that session starts.
		///
		/// Origin: `ManageOrigin`.
		///
		/// Errors: `NotValidator`, `TooFewValidators`.
		/// Event: `ValidatorRemoved`.
		#[pallet::call_index(1)]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::ManageOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|validators| -> DispatchResult {
				let at = validators
					.binary_search(&validator)
					.map_err(|_| Error::<T>::NotValidator)?;
				ensure!(
					validators.len() > T::MinValidators::get() as usize,
					Error::<T>::TooFewValidators
				);
				validators.remove(at);
				Ok(())
			})?;
			PendingChange::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { validator });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The set is sorted without duplicates, within its bounds, and every
		/// session lasts at least a block.
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			ensure!(
				validators.windows(2).all(|pair| pair[0] < pair[1]),
				"the validator set is sorted and has no duplicates"
			);
			ensure!(
				validators.len() >= T::MinValidators::get() as usize,
				"the validator set has at least MinValidators"
			);
			ensure!(
				!SessionLength::<T>::get().is_zero(),
				"a session lasts at least one block"
			);
			Ok(())
		}
	}
}
