//! What other pallets may do with stake: check eligibility, lock stake behind
//! claims, and slash.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use labelchain_primitives::traits::{StakeEligibility, StakeLock, StakeSlash};
use sp_runtime::traits::{Saturating, Zero};

use crate::{BalanceOf, Config, Error, Event, HoldReason, Ledgers, MinimumStake, Pallet, LOG_TARGET};

impl<T: Config> Pallet<T> {
	/// Bonded stake, not counting what is unbonding.
	pub fn bonded(who: &T::AccountId) -> BalanceOf<T> {
		Ledgers::<T>::get(who).map(|ledger| ledger.bonded).unwrap_or_default()
	}
}

impl<T: Config> StakeEligibility<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn may_take_task(who: &T::AccountId, task_minimum: BalanceOf<T>) -> bool {
		let bonded = Self::bonded(who);
		!bonded.is_zero() && bonded >= MinimumStake::<T>::get() && bonded >= task_minimum
	}
}

impl<T: Config> StakeLock<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn lock(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		Ledgers::<T>::try_mutate(who, |maybe_ledger| {
			let ledger = maybe_ledger.as_mut().ok_or(Error::<T>::NotBonded)?;
			ensure!(amount <= ledger.unlocked(), Error::<T>::StakeBacksOpenClaims);
			ledger.locked = ledger.locked.saturating_add(amount);
			Ok(())
		})
	}

	fn unlock(who: &T::AccountId, amount: BalanceOf<T>) {
		Ledgers::<T>::mutate(who, |maybe_ledger| {
			if let Some(ledger) = maybe_ledger {
				ledger.locked = ledger.locked.saturating_sub(amount);
			}
		});
	}

	fn all_locked() -> alloc::vec::Vec<(T::AccountId, BalanceOf<T>)> {
		Ledgers::<T>::iter()
			.filter(|(_, ledger)| !ledger.locked.is_zero())
			.map(|(who, ledger)| (who, ledger.locked))
			.collect()
	}
}

impl<T: Config> StakeSlash<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn slash(who: &T::AccountId, amount: BalanceOf<T>, beneficiary: &T::AccountId) -> BalanceOf<T> {
		let Some(mut ledger) = Ledgers::<T>::get(who) else { return Zero::zero() };
		let wanted = amount.min(ledger.total());
		if wanted.is_zero() {
			return Zero::zero();
		}

		// Move the funds first: if the beneficiary cannot receive them (an account
		// that does not exist and an amount below the existential deposit), the
		// stake stays as it is rather than being burnt.
		let moved = match T::Currency::transfer_on_hold(
			&HoldReason::Stake.into(),
			who,
			beneficiary,
			wanted,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		) {
			Ok(moved) => moved,
			Err(error) => {
				log::warn!(target: LOG_TARGET, "slash of {wanted:?} from {who:?} failed: {error:?}");
				return Zero::zero();
			},
		};

		// Bonded stake first, then unbonding stake, the latest chunk first.
		let from_bonded = moved.min(ledger.bonded);
		ledger.bonded = ledger.bonded.saturating_sub(from_bonded);
		ledger.locked = ledger.locked.min(ledger.bonded);
		let mut rest = moved.saturating_sub(from_bonded);
		for chunk in ledger.unbonding.iter_mut().rev() {
			if rest.is_zero() {
				break;
			}
			let taken = rest.min(chunk.amount);
			chunk.amount = chunk.amount.saturating_sub(taken);
			rest = rest.saturating_sub(taken);
		}
		ledger.unbonding.retain(|chunk| !chunk.amount.is_zero());

		if ledger.is_empty() {
			Ledgers::<T>::remove(who);
		} else {
			Ledgers::<T>::insert(who, ledger);
		}
		Pallet::<T>::deposit_event(Event::Slashed {
			who: who.clone(),
			amount: moved,
			beneficiary: beneficiary.clone(),
		});
		moved
	}
}
