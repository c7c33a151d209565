//! Who may decide an item, and where an appeal's bond goes: back to an
//! appellant who was right, to the annotators whose label stood when the
//! appellant was wrong. Nobody who took part in an item judges it, and no
//! bond is ever paid to the party that lost it or to the expert who judged.

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	ArithmeticError,
};

use crate::{Config, Error, HoldReason, ItemPhase, ItemState, Label, Pallet, TermsOf};

impl<T: Config> Pallet<T> {
	/// Whether `expert` may decide this item: not if they requested its task,
	/// claimed or labeled it, or lodged its appeal. An expert judging their
	/// own label, appeal or task would be paid for agreeing with themselves.
	pub(crate) fn ensure_impartial(
		expert: &T::AccountId,
		state: &ItemState<T>,
		terms: &TermsOf<T>,
	) -> Result<(), Error<T>> {
		let appellant = match &state.phase {
			ItemPhase::Appealed { appellant, .. } => Some(appellant),
			_ => None,
		};
		ensure!(
			expert != &terms.requester && !state.involves(expert) && appellant != Some(expert),
			Error::<T>::ExpertInvolved
		);
		Ok(())
	}

	pub(crate) fn return_appeal_bond(appellant: &T::AccountId) -> DispatchResult {
		T::Currency::release(
			&HoldReason::AppealBond.into(),
			appellant,
			T::AppealBond::get(),
			Precision::Exact,
		)?;
		Ok(())
	}

	/// A rejected appeal's bond, shared equally by the item's annotators who
	/// revealed the label that stood (the appellant excluded), the first of
	/// them taking the remainder; with nobody to share it (an appellant
	/// whose own label stood alone), it goes to the treasury. What a
	/// recipient cannot receive goes to the treasury too, so a reaped account
	/// cannot block the decision. Records the appellant's loss and each
	/// recipient's award.
	pub(crate) fn award_appeal_bond(
		appellant: &T::AccountId,
		state: &ItemState<T>,
		standing: Label,
	) -> DispatchResult {
		let recipients: Vec<&T::AccountId> = state
			.commits
			.iter()
			.filter(|commit| commit.revealed == Some(standing) && &commit.annotator != appellant)
			.map(|commit| &commit.annotator)
			.collect();
		let bond = T::AppealBond::get();
		let treasury = T::Treasury::get();
		let count = T::Balance::from(recipients.len() as u32);
		if count.is_zero() {
			Self::move_bond(appellant, &treasury, bond)?;
		} else {
			let share = bond.checked_div(&count).ok_or(ArithmeticError::DivisionByZero)?;
			let remainder = bond.saturating_sub(share.saturating_mul(count));
			for (index, who) in recipients.into_iter().enumerate() {
				let amount = if index == 0 { share.saturating_add(remainder) } else { share };
				if amount.is_zero() {
					continue;
				}
				if Self::move_bond(appellant, who, amount).is_ok() {
					Self::credit_award(who, amount);
				} else {
					Self::move_bond(appellant, &treasury, amount)?;
				}
			}
		}
		Self::debit_loss(appellant, bond);
		Ok(())
	}

	fn move_bond(from: &T::AccountId, to: &T::AccountId, amount: T::Balance) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&HoldReason::AppealBond.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
		Ok(())
	}
}
