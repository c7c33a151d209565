#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
pub use types::{Parameters, ReputationRecord, TierRule};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use labelchain_primitives::{task::DomainId, reputation::Tier};

	/// The layout of this pallet's storage. Version 1 is the first one
	/// declared (spec 117); a change of layout bumps it and comes with its
	/// migration.
	const STORAGE_VERSION: frame_support::traits::StorageVersion = frame_support::traits::StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The parameters at genesis; Root can change them with `set_parameters`.
		#[pallet::constant]
		type DefaultParameters: Get<Parameters>;

		type WeightInfo: WeightInfo;
	}

	#[pallet::type_value]
	pub fn DefaultParametersValue<T: Config>() -> Parameters {
		T::DefaultParameters::get()
	}

	/// How reputation is computed.
	#[pallet::storage]
	pub type ReputationParameters<T: Config> =
		StorageValue<_, Parameters, ValueQuery, DefaultParametersValue<T>>;

	/// Each annotator's record per domain, counting that domain's labels only.
	#[pallet::storage]
	pub type Reputations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		DomainId,
		ReputationRecord,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` reached a new tier in `domain`, up or down.
		TierChanged { who: T::AccountId, domain: DomainId, tier: Tier },
		/// Root changed how reputation is computed.
		ParametersSet { parameters: Parameters },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The prior is not proper, the gold weight is zero, the tiers do not get
		/// harder, or fading would forget the history the highest tier needs.
		InvalidParameters,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::DefaultParameters::get().is_valid(), "the default reputation parameters are invalid");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Change how reputation is computed. Records are kept; scores, tiers and
		/// weights follow the new parameters from now on.
		///
		/// Origin: Root.
		///
		/// Errors: `InvalidParameters`. Event: `ParametersSet`.
		#[pallet::call_index(0)]
		pub fn set_parameters(origin: OriginFor<T>, parameters: Parameters) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(parameters.is_valid(), Error::<T>::InvalidParameters);
			ReputationParameters::<T>::put(parameters);
			Self::deposit_event(Event::ParametersSet { parameters });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The invariants: the parameters are valid and no record has grown past
		/// the fade threshold (so every count stays bounded).
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let params = ReputationParameters::<T>::get();
			ensure!(params.is_valid(), "the reputation parameters are invalid");
			for (_, _, record) in Reputations::<T>::iter() {
				ensure!(record.total() <= params.fade_threshold, "a record did not fade");
			}
			Ok(())
		}
	}
}
