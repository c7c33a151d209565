#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::{StakeLedger, UnbondingChunk};
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

const LOG_TARGET: &str = "runtime::annotator-stake";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Saturating, Zero};

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// The layout of this pallet's storage. Version 1 is the first one
	/// declared (spec 117); a change of layout bumps it and comes with its
	/// migration.
	const STORAGE_VERSION: frame_support::traits::StorageVersion = frame_support::traits::StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The token stake is bonded in; stake is a hold on it.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Blocks between `unbond` and the earliest `withdraw` of that stake;
		/// stake stays slashable for all of it.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// Most unbonding chunks an annotator can have at once.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;

		/// The global minimum stake at genesis; Root can change it with
		/// `set_minimum_stake`.
		#[pallet::constant]
		type DefaultMinimumStake: Get<BalanceOf<Self>>;

		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Bonded or unbonding annotator stake.
		#[codec(index = 0)]
		Stake,
	}

	#[pallet::type_value]
	pub fn DefaultMinimumStakeValue<T: Config>() -> BalanceOf<T> {
		T::DefaultMinimumStake::get()
	}

	/// The least an annotator must keep bonded to take any task.
	#[pallet::storage]
	pub type MinimumStake<T: Config> =
		StorageValue<_, BalanceOf<T>, ValueQuery, DefaultMinimumStakeValue<T>>;

	/// Each annotator's stake; absent when nothing is bonded or unbonding.
	#[pallet::storage]
	pub type Ledgers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, StakeLedger<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` bonded `amount` more; `bonded` is their new bonded stake.
		Bonded { who: T::AccountId, amount: BalanceOf<T>, bonded: BalanceOf<T> },
		/// `who` started unbonding `amount`, which can be withdrawn from `unlocks_at`.
		Unbonding { who: T::AccountId, amount: BalanceOf<T>, unlocks_at: BlockNumberFor<T> },
		/// `who` withdrew `amount` of unbonded stake to their free balance.
		Withdrawn { who: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of `who`'s stake was moved to `beneficiary`.
		Slashed { who: T::AccountId, amount: BalanceOf<T>, beneficiary: T::AccountId },
		/// Root set the global minimum stake.
		MinimumStakeSet { amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Amounts to bond or unbond must be above zero.
		ZeroAmount,
		/// The free balance cannot cover the bond (it must also keep the account alive).
		InsufficientBalance,
		/// The bond would leave less than the global minimum stake bonded.
		BelowMinimumStake,
		/// The account has no stake.
		NotBonded,
		/// More than the bonded stake was asked for.
		InsufficientBond,
		/// The stake backs open claims; it can be unbonded once they settle.
		StakeBacksOpenClaims,
		/// Too many unbonding chunks; withdraw the unlocked ones or wait.
		TooManyUnbondingChunks,
		/// No unbonding stake has unlocked yet.
		NothingToWithdraw,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxUnbondingChunks::get() > 0, "annotators must be able to unbond");
			assert!(
				!T::UnbondingPeriod::get().is_zero(),
				"stake must stay slashable for a while after unbonding"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Bond `amount` more of the caller's free balance as stake.
		///
		/// Origin: signed (the annotator). The bonded total must reach the global
		/// minimum stake.
		///
		/// Errors: `ZeroAmount`, `BelowMinimumStake`, `InsufficientBalance`, `Overflow`.
		/// Event: `Bonded`.
		#[pallet::call_index(0)]
		pub fn bond(origin: OriginFor<T>, #[pallet::compact] amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut ledger = Ledgers::<T>::get(&who).unwrap_or_default();
			let bonded = ledger.bonded.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			ensure!(bonded >= MinimumStake::<T>::get(), Error::<T>::BelowMinimumStake);
			T::Currency::hold(&HoldReason::Stake.into(), &who, amount)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			ledger.bonded = bonded;
			Ledgers::<T>::insert(&who, ledger);
			Self::deposit_event(Event::Bonded { who, amount, bonded });
			Ok(())
		}

		/// Start unbonding `amount` of bonded stake. It stays held, and slashable,
		/// for the unbonding period; then `withdraw` frees it.
		///
		/// Origin: signed (the annotator). What remains bonded must be zero or at
		/// least the global minimum, and stake backing open claims cannot leave.
		///
		/// Errors: `ZeroAmount`, `NotBonded`, `InsufficientBond`,
		/// `StakeBacksOpenClaims`, `BelowMinimumStake`, `TooManyUnbondingChunks`.
		/// Event: `Unbonding`.
		#[pallet::call_index(1)]
		pub fn unbond(origin: OriginFor<T>, #[pallet::compact] amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let unlocks_at =
				frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
			Ledgers::<T>::try_mutate(&who, |maybe_ledger| -> DispatchResult {
				let ledger = maybe_ledger.as_mut().ok_or(Error::<T>::NotBonded)?;
				ensure!(amount <= ledger.bonded, Error::<T>::InsufficientBond);
				ensure!(amount <= ledger.unlocked(), Error::<T>::StakeBacksOpenClaims);
				let remaining = ledger.bonded.saturating_sub(amount);
				ensure!(
					remaining.is_zero() || remaining >= MinimumStake::<T>::get(),
					Error::<T>::BelowMinimumStake
				);
				// Unbonding twice in one block makes one chunk, not two.
				match ledger.unbonding.last_mut() {
					Some(chunk) if chunk.unlocks_at == unlocks_at =>
						chunk.amount = chunk.amount.saturating_add(amount),
					_ => ledger
						.unbonding
						.try_push(UnbondingChunk { amount, unlocks_at })
						.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
				}
				ledger.bonded = remaining;
				Ok(())
			})?;
			Self::deposit_event(Event::Unbonding { who, amount, unlocks_at });
			Ok(())
		}

		/// Free all unbonding stake whose unbonding period has passed.
		///
		/// Origin: signed (the annotator).
		///
		/// Errors: `NotBonded`, `NothingToWithdraw`. Event: `Withdrawn`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw(T::MaxUnbondingChunks::get()))]
		pub fn withdraw(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut ledger = Ledgers::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
			let amount = ledger.take_unlocked(frame_system::Pallet::<T>::block_number());
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			T::Currency::release(&HoldReason::Stake.into(), &who, amount, Precision::Exact)?;
			if ledger.is_empty() {
				Ledgers::<T>::remove(&who);
			} else {
				Ledgers::<T>::insert(&who, ledger);
			}
			Self::deposit_event(Event::Withdrawn { who, amount });
			Ok(())
		}

		/// Set the global minimum stake. Annotators already below it keep their
		/// stake but cannot take work until they bond more.
		///
		/// Origin: Root. Event: `MinimumStakeSet`.
		#[pallet::call_index(3)]
		pub fn set_minimum_stake(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			ensure_root(origin)?;
			MinimumStake::<T>::put(amount);
			Self::deposit_event(Event::MinimumStakeSet { amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The invariants of PROTOCOL.md for stake: each annotator's hold equals
		/// bonded plus unbonding; locked stake is part of bonded; no empty ledger
		/// is kept; the bounds hold.
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for (who, ledger) in Ledgers::<T>::iter() {
				let held = T::Currency::balance_on_hold(&HoldReason::Stake.into(), &who);
				ensure!(held == ledger.total(), "stake hold differs from bonded + unbonding");
				ensure!(ledger.locked <= ledger.bonded, "more stake locked than bonded");
				ensure!(!ledger.is_empty(), "an empty ledger was kept");
				ensure!(
					ledger.unbonding.len() as u32 <= T::MaxUnbondingChunks::get(),
					"too many unbonding chunks"
				);
			}
			Ok(())
		}
	}
}
